package org.hpo4j.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * A study as one read of its storage: every plot of a page is computed from the same trials, so a
 * trial finishing mid-render cannot make two plots disagree. Immutable and thread-safe.
 */
record SnapshotView(String name, List<StudyDirection> directions, List<FrozenTrial> all)
    implements StudyView {

  SnapshotView {
    directions = List.copyOf(directions);
    all = List.copyOf(all);
  }

  @Override
  public List<FrozenTrial> trials(Set<org.hpo4j.trial.TrialState> states) {
    if (states == null) {
      return all;
    }
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : all) {
      if (states.contains(t.state())) {
        out.add(t);
      }
    }
    return out;
  }
}
