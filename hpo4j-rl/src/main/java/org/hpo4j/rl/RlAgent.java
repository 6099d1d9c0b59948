package org.hpo4j.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's Algorithm 1 over plain arrays: real episodes, each followed by one PPO step on its
 * reward; once the data set D has grown by a phase's worth of real trials, snapshot pi_old, fit the
 * reward model F on D, and train on imagined episodes scored by F while d(pi_old, pi) <= delta (at
 * most {@code maxImaginedEpisodes}). A held-out guard skips the model phase when F predicts worse
 * than the mean (R^2 < 0 on 20% of D).
 *
 * <p>Losses are "lower is better" (the sampler negates maximised objectives). Not thread-safe: the
 * owner serialises access.
 */
final class RlAgent {
  /** Output embeddings with {@code stepHeads}: one per step for the first 64 steps, then shared. */
  static final int STEP_HEADS = 64;

  private final Settings settings;
  private final StepSpace space;
  private final long seed;
  private final Policy policy;
  private final Ppo ppo;
  private final RewardNormalizer normalizer = new RewardNormalizer();
  private final SplittableRandom rng;
  private final List<Episode> episodes = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();
  private int realSincePhase;
  private boolean firstPhaseDone;
  private long imagined;
  private int modelPhases;
  private int skippedPhases;
  private double lastR2 = Double.NaN;
  private double lastKl = Double.NaN;
  private long modelNanos;
  private double lastMeanSigma = Double.NaN;

  RlAgent(Settings settings, long seed) {
    this(settings, seed, new StepSpace());
  }

  /**
   * @param space the decoding of each step, which the owner keeps up to date
   */
  RlAgent(Settings settings, long seed, StepSpace space) {
    this.settings = settings;
    this.space = space;
    this.seed = seed;
    this.policy =
        new Policy(
            settings.feedSample(),
            settings.stepHeads() ? STEP_HEADS : 1,
            settings.initialSigma(),
            seed,
            settings.oneStep(),
            settings.probitActions());
    this.ppo = new Ppo(policy, settings.learningRate(), 0.2, 10, 0.05, 1.0, settings.entropyCoef());
    this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** Starts a real episode; play it with {@link Policy.Rollout#next} using {@link #random()}. */
  Policy.Rollout begin() {
    return policy.start();
  }

  SplittableRandom random() {
    return rng;
  }

  /**
   * Learns from a finished real episode: reward, one PPO update, and a model phase when due.
   *
   * @param steps the number of parameters the study knows now (the model's input size)
   * @throws IllegalArgumentException if loss is not finite
   */
  void observe(Episode ep, double loss, int steps) {
    if (!Double.isFinite(loss)) {
      throw new IllegalArgumentException("loss must be finite, but got " + loss);
    }
    double reward = reward(loss);
    lastMeanSigma = meanSigma(ep);
    episodes.add(ep);
    losses.add(loss);
    if (episodes.size() > settings.window()) {
      episodes.remove(0);
      losses.remove(0);
    }
    ppo.update(List.of(ep), new double[] {normalizer.advantage(reward)});
    realSincePhase++;
    boolean due =
        firstPhaseDone
            ? realSincePhase >= settings.modelPhaseEvery()
            : episodes.size() >= settings.firstModelPhaseAfter();
    if (settings.useModel() && due && settings.maxImaginedEpisodes() > 0) {
      firstPhaseDone = true;
      realSincePhase = 0;
      long t0 = CpuTime.nanos();
      modelPhase(Math.max(steps, ep.length()));
      modelNanos += CpuTime.nanos() - t0;
    }
  }

  private static double meanSigma(Episode ep) {
    double sum = 0.0;
    int n = 0;
    for (int t = 0; t < ep.length(); t++) {
      if (ep.inLoss(t)) {
        sum += ep.sigma(t);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private double reward(double loss) {
    if (settings.rewardMode() == RewardMode.RAW) {
      return -loss;
    }
    if (losses.isEmpty()) {
      return 0.5;
    }
    double beaten = 0.0;
    for (double other : losses) {
      beaten += other > loss ? 1.0 : other == loss ? 0.5 : 0.0;
    }
    return beaten / losses.size();
  }

  private void modelPhase(int k) {
    int m = episodes.size();
    double[] y = targets();
    double[] loss = new double[m];
    for (int i = 0; i < m; i++) {
      loss[i] = losses.get(i);
    }
    SplittableRandom phaseRng = new SplittableRandom(seed * 31 + modelPhases + skippedPhases);
    int[] order = shuffled(m, phaseRng);
    boolean[] hold = new boolean[m];
    for (int i = 0; i < Math.max(1, m / 5); i++) {
      hold[order[i]] = true;
    }
    Surrogate.Fit fit =
        Surrogate.fit(
            settings.rewardModel(),
            space,
            episodes,
            loss,
            y,
            hold,
            k,
            settings.modelEpochs(),
            settings.optimism(),
            phaseRng.nextLong());
    lastR2 = fit.heldOutR2();
    if (fit.model().isEmpty()) {
      skippedPhases++;
      return;
    }
    Surrogate f = fit.model().get();
    modelPhases++;
    Policy old = policy.copy();
    int done = 0;
    lastKl = 0.0;
    int cap =
        settings.fixedHorizon() > 0 ? settings.fixedHorizon() : settings.maxImaginedEpisodes();
    while (done < cap && (settings.fixedHorizon() > 0 || lastKl <= settings.delta())) {
      int b = Math.min(settings.imaginedBatch(), cap - done);
      List<Episode> batch = new ArrayList<>(b);
      double[] r = new double[b];
      for (int e = 0; e < b; e++) {
        Policy.Rollout ro = policy.start();
        for (int t = 0; t < k; t++) {
          ro.next(phaseRng);
        }
        Episode template = template(ro.episode(), phaseRng);
        for (int t = 0; t < k; t++) {
          ro.episode().setInLoss(t, t < template.length() && template.inLoss(t));
        }
        batch.add(ro.episode());
        r[e] = f.reward(ro.episode());
      }
      ppo.update(batch, standardised(r));
      done += b;
      lastKl = Kl.policies(old, policy, batch);
    }
    imagined += done;
  }

  /**
   * The real episode whose asked steps an imagined one takes: the first, from a random start, that
   * made the same categorical choices; any one when none did.
   */
  private Episode template(Episode imagined, SplittableRandom rng) {
    int m = episodes.size();
    int start = rng.nextInt(m);
    for (int i = 0; i < m; i++) {
      Episode e = episodes.get((start + i) % m);
      if (space.sameChoices(e, imagined)) {
        return e;
      }
    }
    return episodes.get(start);
  }

  /** quantile: rank within D scaled to [0, 1], best = 1; raw: -loss min-max scaled to [0, 1]. */
  private double[] targets() {
    int m = losses.size();
    double[] y = new double[m];
    if (settings.rewardMode() == RewardMode.QUANTILE) {
      for (int i = 0; i < m; i++) {
        double beaten = 0.0;
        for (int j = 0; j < m; j++) {
          if (j != i) {
            double o = losses.get(j);
            beaten += o > losses.get(i) ? 1.0 : o == losses.get(i) ? 0.5 : 0.0;
          }
        }
        y[i] = m > 1 ? beaten / (m - 1) : 0.5;
      }
    } else {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double l : losses) {
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
      for (int i = 0; i < m; i++) {
        y[i] = hi > lo ? (hi - losses.get(i)) / (hi - lo) : 0.5;
      }
    }
    return y;
  }

  /** Imagined advantages: standardised within the batch [ours]. */
  private static double[] standardised(double[] r) {
    double mean = Arrays.stream(r).average().orElse(0.0);
    double var = 0.0;
    for (double v : r) {
      var += (v - mean) * (v - mean) / r.length;
    }
    double s = Math.max(1e-3, Math.sqrt(var));
    double[] a = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      a[i] = (r[i] - mean) / s;
    }
    return a;
  }

  private static int[] shuffled(int m, SplittableRandom rng) {
    int[] p = new int[m];
    for (int i = 0; i < m; i++) {
      p[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  Policy policy() {
    return policy;
  }

  RlStats stats() {
    return new RlStats(
        episodes.size(),
        ppo.updates(),
        imagined,
        modelPhases,
        skippedPhases,
        lastR2,
        lastKl,
        modelNanos / 1e6,
        lastMeanSigma);
  }
}
