package org.hpo4j.study;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The read-only view of a study that samplers and pruners get: its directions and its history.
 * Reading the history costs a storage read, so a sampler that needs no history (random) never calls
 * it. Thread-safe.
 */
public interface StudyView {

  /**
   * @return the study's unique name
   */
  String name();

  /**
   * @return one direction per objective
   */
  List<StudyDirection> directions();

  /**
   * @return the single direction; throws for a multi-objective study
   */
  default StudyDirection direction() {
    List<StudyDirection> d = directions();
    if (d.size() != 1) {
      throw new IllegalStateException(
          "study '" + name() + "' has " + d.size() + " objectives; use directions()");
    }
    return d.get(0);
  }

  /**
   * @return whether the study has more than one objective
   */
  default boolean isMultiObjective() {
    return directions().size() > 1;
  }

  /**
   * @return snapshots of the trials in {@code states} (all when null), ordered by number
   */
  List<FrozenTrial> trials(Set<TrialState> states);

  /**
   * Records a system attribute on a trial of this study: the one write a view allows, so that a
   * pruner can leave an audit trail (ASHA rung values, a Hyperband bracket) in the storage, where
   * reports, dashboards and other workers see it. Keys are namespaced by their writer.
   *
   * @throws UnsupportedOperationException for a view that cannot write (the default)
   */
  default void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
    throw new UnsupportedOperationException(
        "study view '" + name() + "' is read-only; cannot set '" + key + "'");
  }

  /**
   * @return snapshots of every trial, ordered by number
   */
  default List<FrozenTrial> trials() {
    return trials(null);
  }

  /**
   * @return the COMPLETE trials, ordered by number
   */
  default List<FrozenTrial> completeTrials() {
    return trials(EnumSet.of(TrialState.COMPLETE));
  }

  /**
   * @return the COMPLETE trial with the best value (the first such, on ties), if any
   * @throws IllegalStateException for a multi-objective study
   */
  default Optional<FrozenTrial> bestTrial() {
    StudyDirection dir = direction();
    FrozenTrial best = null;
    for (FrozenTrial t : completeTrials()) {
      if (best == null || dir.better(t.value(), best.value())) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }
}
