package org.hpo4j.dashboard.importance;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Parameter importances of a study: which parameters the objective depends on, as shares summing to
 * 1, largest first. Computed with PED-ANOVA over the complete trials (the top 10% against all),
 * which handles categorical, log-scaled and conditional parameters and costs milliseconds.
 *
 * <p>Backs {@code ./hpo studies importance} and the dashboard's importance plot. Stateless and
 * thread-safe.
 */
public final class Importance {
  /** Fraction of the complete trials that form the top set. */
  public static final double DEFAULT_GAMMA = 0.1;

  /** Fewer complete trials than this give no importances. */
  public static final int MIN_TRIALS = 4;

  private Importance() {}

  /**
   * @return importances of a single-objective study, largest first; empty with fewer than {@link
   *     #MIN_TRIALS} complete trials
   * @throws IllegalArgumentException for a multi-objective study (use {@link #of(StudyView, int)})
   */
  public static Map<String, Double> of(StudyView study) {
    requireArgument(
        study.directions().size() == 1,
        "study '%s' has %s objectives; pass the objective index to Importance.of(study, objective)",
        study.name(),
        study.directions().size());
    return of(study, 0);
  }

  /**
   * @param objective index of the objective whose importances to compute
   * @throws IllegalArgumentException when objective is not in [0, number of objectives)
   */
  public static Map<String, Double> of(StudyView study, int objective) {
    return of(study.completeTrials(), study.directions(), objective);
  }

  /**
   * One call for the CLI: importances of objective {@code objective} of a stored study.
   *
   * @throws IllegalArgumentException when no study has that name, or objective is out of range
   */
  public static Map<String, Double> of(Storage storage, String studyName, int objective) {
    long id =
        storage
            .findStudy(studyName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "study '" + studyName + "' does not exist in this storage"));
    return of(
        storage.trials(id, java.util.EnumSet.of(TrialState.COMPLETE)),
        storage.directions(id),
        objective);
  }

  /**
   * @param trials any trials; only COMPLETE ones with a finite value at {@code objective} count
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static Map<String, Double> of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    StudyDirection dir = directions.get(objective);
    List<PedAnova.Sample> samples = new ArrayList<>();
    Map<String, Distribution> space = new LinkedHashMap<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE
          && t.values().size() > objective
          && Double.isFinite(t.values().get(objective))) {
        samples.add(new PedAnova.Sample(dir.asLoss(t.values().get(objective)), t.internalParams()));
        space.putAll(t.distributions());
      }
    }
    if (samples.size() < MIN_TRIALS || space.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> raw = PedAnova.divergences(samples, space, DEFAULT_GAMMA);
    double total = raw.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k, total > 0 ? v / total : 0.0));
    return out;
  }
}
