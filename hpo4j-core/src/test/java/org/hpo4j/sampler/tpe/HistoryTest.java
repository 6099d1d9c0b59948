package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class HistoryTest {
  static final FloatDistribution X = new FloatDistribution(0, 10);
  static final Axis[] AXES = {new Axis(X)};

  static FrozenTrial trial(
      int number,
      TrialState state,
      Double value,
      Map<String, Double> params,
      Map<String, Distribution> dists,
      Map<Integer, Double> intermediate) {
    return new FrozenTrial(
        number,
        100 + number,
        state,
        params,
        dists,
        value == null ? List.of() : List.of(value),
        new TreeMap<>(intermediate),
        Map.of(),
        Map.of(),
        Instant.EPOCH,
        null);
  }

  static FrozenTrial complete(int number, double x, double value) {
    return trial(number, TrialState.COMPLETE, value, Map.of("x", x), Map.of("x", X), Map.of());
  }

  static Snapshot update(History h, List<FrozenTrial> trials) {
    return h.update(trials, StudyDirection.MINIMIZE, -1, Map.of());
  }

  @Test
  void split_completeTrials_bestGammaAreGood() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      trials.add(complete(i, i, 20 - i)); // x = 19 is best
    }
    Snapshot.Split s =
        update(new History(), trials)
            .split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true);
    assertEquals(2, s.belowWeights().length);
    assertEquals(18, s.aboveWeights().length);
    assertEquals(Set.of(19.0, 18.0), Set.of(s.below()[0][0], s.below()[0][1]));
  }

  @Test
  void split_maximize_largestValuesAreGood() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      trials.add(complete(i, i, i));
    }
    Snapshot.Split s =
        new History()
            .update(trials, StudyDirection.MAXIMIZE, -1, Map.of())
            .split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true);
    assertArrayEquals(new double[] {9.0}, s.below()[0]);
  }

  @Test
  void split_prunedTrials_rankAfterCompleteByDepthThenValue() {
    List<FrozenTrial> trials = new ArrayList<>();
    trials.add(trial(0, TrialState.PRUNED, 0.0, Map.of("x", 0.0), Map.of("x", X), Map.of(1, 0.0)));
    trials.add(
        trial(1, TrialState.PRUNED, 5.0, Map.of("x", 1.0), Map.of("x", X), Map.of(1, 1.0, 3, 5.0)));
    trials.add(trial(2, TrialState.COMPLETE, 100.0, Map.of("x", 2.0), Map.of("x", X), Map.of()));
    trials.add(trial(3, TrialState.PRUNED, 4.0, Map.of("x", 3.0), Map.of("x", X), Map.of(3, 4.0)));
    trials.add(trial(4, TrialState.FAIL, null, Map.of("x", 4.0), Map.of("x", X), Map.of()));
    History h = new History();
    // The ranking is x = 2, 3, 1, 0: the good side of size k holds its first k (listed by trial
    // number).
    Snapshot snap = update(h, trials);
    double[] ranking = {2.0, 3.0, 1.0, 0.0};
    for (int k = 1; k <= 4; k++) {
      int size = k;
      double[] good = snap.split(new String[] {"x"}, AXES, n -> size, true).below()[0].clone();
      java.util.Arrays.sort(good);
      double[] expected = java.util.Arrays.copyOf(ranking, k);
      java.util.Arrays.sort(expected);
      assertArrayEquals(expected, good, "k=" + k);
    }
  }

  @Test
  void split_runningTrialWithLiar_countsAsBad() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      trials.add(complete(i, i, i));
    }
    trials.add(trial(10, TrialState.RUNNING, null, Map.of(), Map.of(), Map.of()));
    Map<Long, Map<String, History.Proposal>> pending =
        Map.of(110L, Map.of("x", new History.Proposal(0.5, X)));
    Snapshot snap = new History().update(trials, StudyDirection.MINIMIZE, -1, pending);
    assertEquals(
        10,
        snap.split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true).aboveWeights().length);
    assertEquals(
        9,
        snap.split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, false)
            .aboveWeights()
            .length);
    Snapshot self = new History().update(trials, StudyDirection.MINIMIZE, 110L, pending);
    assertEquals(
        9,
        self.split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true).aboveWeights().length);
  }

  @Test
  void update_oneTrialAdded_keepsEarlierObservationsAndRanksTheNewOne() {
    History h = new History();
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      trials.add(complete(i, i, 10 + i));
    }
    update(h, trials);
    trials.add(complete(5, 7.5, 0.0));
    Snapshot s = update(h, trials);
    assertEquals(6, s.finishedCount());
    assertArrayEquals(
        new double[] {7.5}, s.split(new String[] {"x"}, AXES, n -> 1, true).below()[0]);
  }

  @Test
  void groups_conditionalSpace_splitIntoCoOccurringGroups() {
    CategoricalDistribution opt = new CategoricalDistribution(List.of("adam", "sgd", "rmsprop"));
    FloatDistribution lr = new FloatDistribution(1e-5, 1, true, null);
    FloatDistribution beta = new FloatDistribution(0.5, 0.999);
    FloatDistribution mom = new FloatDistribution(0, 0.99);
    List<FrozenTrial> trials = new ArrayList<>();
    trials.add(
        withParams(
            0,
            Map.of("optimizer", 0.0, "lr", 0.01, "beta1", 0.9),
            Map.of("optimizer", opt, "lr", lr, "beta1", beta)));
    trials.add(
        withParams(
            1,
            Map.of("optimizer", 1.0, "lr", 0.01, "momentum", 0.5),
            Map.of("optimizer", opt, "lr", lr, "momentum", mom)));
    trials.add(
        withParams(2, Map.of("optimizer", 2.0, "lr", 0.01), Map.of("optimizer", opt, "lr", lr)));
    Snapshot s = update(new History(), trials);
    Set<Set<String>> groups = new java.util.HashSet<>();
    s.groups(true).forEach(g -> groups.add(g.keySet()));
    assertEquals(Set.of(Set.of("optimizer", "lr"), Set.of("beta1"), Set.of("momentum")), groups);
    assertEquals(
        List.of(Set.of("optimizer", "lr")), s.groups(false).stream().map(Map::keySet).toList());
    // The child is modelled from the trials that have it.
    Snapshot.Split child =
        s.split(new String[] {"beta1"}, new Axis[] {new Axis(beta)}, n -> 1, true);
    assertEquals(1, child.belowWeights().length);
    assertEquals(0, child.aboveWeights().length);
  }

  @Test
  void split_parameterNeverSeen_isNull() {
    Snapshot s = update(new History(), List.of(complete(0, 1, 1)));
    assertNull(s.split(new String[] {"y"}, AXES, TpeSampler::defaultGamma, true));
  }

  @Test
  void weights_manyObservations_olderDownWeightedNewestFull() {
    double[] w = Snapshot.weights(50); // oldest first
    assertEquals(1.0, w[49]);
    assertEquals(1.0 / 50, w[0], 1e-12);
    assertEquals(1.0, w[25]);
    assertEquals(1.0, w[24], 1e-12);
    org.junit.jupiter.api.Assertions.assertTrue(w[20] < w[21]);
  }

  @Test
  void split_growingHistory_valueOrdersAndAgeOrderMatchASort() {
    History h = new History();
    List<FrozenTrial> trials = new ArrayList<>();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    for (int i = 0; i < 60; i++) {
      trials.add(complete(i, 10 * rng.nextDouble(), rng.nextDouble()));
      Snapshot.Split s =
          update(h, trials).split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true);
      for (double[][] side : new double[][][] {s.below(), s.above()}) {
        int[] order = side == s.below() ? s.belowOrder()[0] : s.aboveOrder()[0];
        assertArrayEquals(ParzenEstimator.sortedOrder(side[0]), order);
      }
      // oldest first: the trial number of the i-th point of each side increases
      double[] xs = new double[trials.size()];
      for (int t = 0; t < xs.length; t++) {
        xs[t] = trials.get(t).internalParams().get("x");
      }
      assertIncreasingTrialNumbers(s.above()[0], xs);
      assertIncreasingTrialNumbers(s.below()[0], xs);
    }
  }

  private static void assertIncreasingTrialNumbers(double[] points, double[] xByNumber) {
    int last = -1;
    for (double p : points) {
      int number = -1;
      for (int t = 0; t < xByNumber.length; t++) {
        if (xByNumber[t] == p) {
          number = t;
        }
      }
      org.junit.jupiter.api.Assertions.assertTrue(
          number > last, "trial " + number + " after " + last);
      last = number;
    }
  }

  @Test
  void split_liarOnTheBadSide_leavesItsOrderToTheEstimator() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      trials.add(complete(i, i, i));
    }
    trials.add(trial(12, TrialState.RUNNING, null, Map.of("x", 3.5), Map.of("x", X), Map.of()));
    Snapshot.Split s =
        update(new History(), trials)
            .split(new String[] {"x"}, AXES, TpeSampler::defaultGamma, true);
    assertEquals(11, s.above()[0].length);
    assertEquals(3.5, s.above()[0][10]);
    assertNull(s.aboveOrder()[0]);
    assertArrayEquals(new int[] {0, 1}, s.belowOrder()[0]);
  }

  @Test
  void update_otherTrialsUnderSameCache_startsOver() {
    History h = new History();
    update(h, List.of(complete(0, 1, 1), complete(1, 2, 2)));
    FrozenTrial other =
        new FrozenTrial(
            0,
            999,
            TrialState.COMPLETE,
            Map.of("x", 5.0),
            Map.of("x", X),
            List.of(0.0),
            new TreeMap<>(),
            Map.of(),
            Map.of(),
            Instant.EPOCH,
            null);
    Snapshot s = update(h, List.of(other));
    assertEquals(1, s.finishedCount());
    assertArrayEquals(
        new double[] {5.0}, s.split(new String[] {"x"}, AXES, n -> 1, true).below()[0]);
  }

  private static FrozenTrial withParams(
      int number, Map<String, Double> params, Map<String, Distribution> dists) {
    return trial(
        number, TrialState.COMPLETE, (double) number, new LinkedHashMap<>(params), dists, Map.of());
  }
}
