package org.hpo4j.storage;

import java.util.List;
import org.hpo4j.study.StudyDirection;

/**
 * What a listing of studies shows.
 *
 * @param id storage id
 * @param name unique name
 * @param directions one per objective
 * @param trialCount trials in any state
 */
public record StudySummary(long id, String name, List<StudyDirection> directions, int trialCount) {
  /** Copies the directions. */
  public StudySummary {
    directions = List.copyOf(directions);
  }
}
