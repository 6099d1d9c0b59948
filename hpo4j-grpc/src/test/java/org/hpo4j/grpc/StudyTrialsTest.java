package org.hpo4j.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpo4j.grpc.proto.GetTrialsRequest;
import org.hpo4j.grpc.proto.Trial;
import org.hpo4j.grpc.proto.TrialState;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

/**
 * The client's copy of a study asks only for what may have changed, and re-reads all after a gap.
 */
class StudyTrialsTest {
  private final List<GetTrialsRequest> asked = new ArrayList<>();

  private static Trial trial(long id, int number, TrialState state) {
    Trial.Builder b =
        Trial.newBuilder()
            .setTrialId(id)
            .setNumber(number)
            .setState(state)
            .setDatetimeStart("2026-01-01 00:00:00.000000");
    if (state == TrialState.COMPLETE) {
      b.addValues(1.0).setDatetimeComplete("2026-01-01 00:00:01.000000");
    }
    return b.build();
  }

  private List<Trial> answer(GetTrialsRequest r, List<Trial> reply) {
    asked.add(r);
    return reply;
  }

  @Test
  void sync_asksForNewerIdsAndItsUnfinishedTrialsOnly() {
    StudyTrials c = new StudyTrials(7);
    c.sync(
        r ->
            answer(
                r, List.of(trial(10, 0, TrialState.COMPLETE), trial(11, 1, TrialState.RUNNING))));
    c.sync(
        r ->
            answer(
                r, List.of(trial(11, 1, TrialState.COMPLETE), trial(12, 2, TrialState.RUNNING))));
    assertEquals(-1, asked.get(0).getTrialIdGreaterThan());
    assertEquals(11, asked.get(1).getTrialIdGreaterThan());
    assertEquals(
        List.of(11L),
        asked.get(1).getIncludedTrialIdsList(),
        "only the unfinished trial is re-read");
    assertEquals(List.of(0, 1, 2), c.trials(null).stream().map(FrozenTrial::number).toList());
    assertEquals(
        List.of(1),
        c.trials(Set.of(org.hpo4j.trial.TrialState.COMPLETE)).stream()
            .map(FrozenTrial::number)
            .filter(n -> n == 1)
            .toList());
    c.markDirty(10);
    c.sync(r -> answer(r, List.of()));
    assertEquals(
        Set.of(12L, 10L),
        Set.copyOf(asked.get(2).getIncludedTrialIdsList()),
        "a trial written to since is re-read with the unfinished ones");
  }

  @Test
  void sync_afterAGapInNumbers_readsEverythingOnce() {
    StudyTrials c = new StudyTrials(7);
    c.sync(
        r ->
            answer(
                r, List.of(trial(10, 0, TrialState.COMPLETE), trial(12, 2, TrialState.COMPLETE))));
    c.sync(
        r ->
            answer(
                r,
                List.of(
                    trial(10, 0, TrialState.COMPLETE),
                    trial(11, 1, TrialState.COMPLETE),
                    trial(12, 2, TrialState.COMPLETE))));
    c.sync(r -> answer(r, List.of()));
    assertEquals(
        -1, asked.get(1).getTrialIdGreaterThan(), "number 1 was missed: everything is re-read");
    assertEquals(12, asked.get(2).getTrialIdGreaterThan(), "then incremental again");
    assertEquals(List.of(0, 1, 2), c.trials(null).stream().map(FrozenTrial::number).toList());
  }
}
