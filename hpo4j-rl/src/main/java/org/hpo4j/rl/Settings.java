package org.hpo4j.rl;

/**
 * The agent's knobs, validated once. See {@link RlSampler.Builder} for their meaning and defaults.
 * Immutable.
 */
record Settings(
    boolean useModel,
    boolean feedSample,
    RewardMode rewardMode,
    double learningRate,
    double entropyCoef,
    double initialSigma,
    double delta,
    int firstModelPhaseAfter,
    int modelPhaseEvery,
    int maxImaginedEpisodes,
    int imaginedBatch,
    int window,
    int modelEpochs,
    RewardModelKind rewardModel,
    boolean stepHeads,
    double optimism,
    boolean oneStep,
    int fixedHorizon,
    boolean probitActions) {

  Settings {
    check(learningRate > 0, "learningRate must be > 0, but got " + learningRate);
    check(
        entropyCoef >= 0 && Double.isFinite(entropyCoef),
        "entropyCoef must be >= 0, but got " + entropyCoef);
    check(
        initialSigma > Policy.SIGMA_FLOOR && initialSigma <= 5,
        "initialSigma must be in (0.02, 5], but got " + initialSigma);
    check(delta > 0, "delta must be > 0, but got " + delta);
    check(
        firstModelPhaseAfter >= 2,
        "firstModelPhaseAfter must be >= 2, but got " + firstModelPhaseAfter);
    check(modelPhaseEvery >= 1, "modelPhaseEvery must be >= 1, but got " + modelPhaseEvery);
    check(
        maxImaginedEpisodes >= 0,
        "maxImaginedEpisodes must be >= 0, but got " + maxImaginedEpisodes);
    check(imaginedBatch >= 1, "imaginedBatch must be >= 1, but got " + imaginedBatch);
    check(
        window >= firstModelPhaseAfter,
        "window must be >= firstModelPhaseAfter (" + firstModelPhaseAfter + "), but got " + window);
    check(optimism >= 0 && Double.isFinite(optimism), "optimism must be >= 0, but got " + optimism);
    check(
        fixedHorizon >= 0,
        "fixedHorizon must be >= 0 (0 = the KL measure ends a model phase), but got "
            + fixedHorizon);
    check(
        !oneStep || stepHeads,
        "oneStep needs stepHeads (one output embedding per parameter), but stepHeads is false");
    check(modelEpochs >= 1, "modelEpochs must be >= 1, but got " + modelEpochs);
    if (rewardModel == null) {
      throw new IllegalArgumentException(
          "rewardModel must be one of "
              + java.util.Arrays.toString(RewardModelKind.values())
              + ", but got null");
    }
    if (rewardMode == null) {
      throw new IllegalArgumentException(
          "rewardMode must be one of "
              + java.util.Arrays.toString(RewardMode.values())
              + ", but got null");
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
