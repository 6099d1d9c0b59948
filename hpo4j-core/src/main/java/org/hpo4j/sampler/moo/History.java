package org.hpo4j.sampler.moo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * What the genetic samplers read from a study: the COMPLETE trials in the order they finished
 * (completion time, then number), and the search space every one of them shares.
 *
 * <p>Why completion order: the generations are derived from the history instead of being stored
 * with each trial, so the order must only ever grow at its end, even when several workers finish
 * out of number order. A serial study finishes in number order, so there it is simply by number.
 */
final class History {
  private History() {}

  static List<FrozenTrial> completedInOrder(StudyView study) {
    List<FrozenTrial> done = new ArrayList<>(study.completeTrials());
    done.sort(
        Comparator.comparing((FrozenTrial t) -> t.complete() == null ? Instant.MAX : t.complete())
            .thenComparingInt(FrozenTrial::number));
    return done;
  }

  /**
   * @return the parameters present, with equal distributions, in every trial of {@code trials}
   */
  static Map<String, Distribution> intersection(List<FrozenTrial> trials) {
    Map<String, Distribution> space = null;
    for (FrozenTrial t : trials) {
      if (space == null) {
        space = new LinkedHashMap<>(t.distributions());
      } else {
        space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
      }
    }
    if (space == null) {
      return Map.of();
    }
    space.entrySet().removeIf(e -> e.getValue().isSingle());
    return space;
  }

  static Survival.Member member(FrozenTrial t, List<StudyDirection> directions) {
    double[] loss = new double[directions.size()];
    for (int k = 0; k < loss.length; k++) {
      loss[k] = directions.get(k).asLoss(t.values().get(k));
    }
    return new Survival.Member(t, loss, Constraints.violation(t), 0, 0);
  }
}
