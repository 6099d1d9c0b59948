package org.hpo4j.dashboard.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.hpo4j.dashboard.Studies;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class PlotsTest {
  private static final List<StudyDirection> MIN = List.of(StudyDirection.MINIMIZE);

  @Test
  void history_randomStudy_bestSoFarIsMonotoneAndMatchesBestTrial() {
    Study s = Studies.onlyX0Matters(Storages.inMemory(), "h", 60, 1);
    HistoryPlot h = HistoryPlot.of(s.trials(), MIN, 0);
    assertEquals(60, h.points().size());
    for (int i = 1; i < h.bestSoFar().size(); i++) {
      assertTrue(h.bestSoFar().get(i) <= h.bestSoFar().get(i - 1), "best-so-far rose at " + i);
      assertTrue(h.bestSoFar().get(i) <= h.points().get(i).value());
    }
    assertEquals(s.bestValue(), h.bestSoFar().get(h.bestSoFar().size() - 1));
  }

  @Test
  void history_maximize_bestSoFarNeverFalls() {
    Study s = Studies.plane(Storages.inMemory(), "p", 40, 2);
    HistoryPlot h = HistoryPlot.of(s.trials(), List.of(StudyDirection.MAXIMIZE), 0);
    for (int i = 1; i < h.bestSoFar().size(); i++) {
      assertTrue(h.bestSoFar().get(i) >= h.bestSoFar().get(i - 1));
    }
  }

  @Test
  void history_objectiveOutOfRange_throwsNamingTheRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryPlot.of(List.of(), MIN, 1));
    assertTrue(e.getMessage().contains("objective must be in [0, 1)"), e.getMessage());
  }

  @Test
  void intermediate_prunedAndFailedTrials_areMarked() {
    Study s = Studies.curves(Storages.inMemory(), "c", 9, 3);
    IntermediatePlot p = IntermediatePlot.of(s.trials());
    assertEquals(9, p.curves().size());
    for (IntermediatePlot.Curve c : p.curves()) {
      assertEquals(c.number() % 3 == 2, c.pruned(), "trial " + c.number());
      assertEquals(c.pruned() ? 4 : 10, c.steps().size());
    }
    assertEquals(TrialState.FAIL, p.curves().get(4).state());
  }

  @Test
  void contour_plane_hasGridDimensionsAndFollowsTheFunction() {
    Study s = Studies.plane(Storages.inMemory(), "plane", 200, 4);
    ContourPlot c = ContourPlot.of(s.trials(), MIN, 0, "x", "y", 12);
    assertEquals(12, c.xValues().size());
    assertEquals(12, c.yValues().size());
    assertEquals(12, c.z().size());
    c.z().forEach(row -> assertEquals(12, row.size()));
    assertEquals(200, c.observations().size());
    assertEquals(0.0, c.xValues().get(0), 1e-12);
    assertEquals(1.0, c.xValues().get(11), 1e-12);
    // f = x + y: the interpolated surface rises along both axes and is close to f in the middle.
    double low = c.z().get(1).get(1);
    double mid = c.z().get(6).get(6);
    double high = c.z().get(10).get(10);
    assertTrue(low < mid && mid < high, low + " " + mid + " " + high);
    double f = c.xValues().get(6) + c.yValues().get(6);
    assertEquals(f, mid, 0.15);
    for (ContourPlot.Observation o : c.observations()) {
      assertTrue(o.gx() >= 0 && o.gx() <= 11 && o.gy() >= 0 && o.gy() <= 11);
    }
  }

  @Test
  void contour_categoricalAxis_hasOneColumnPerChoice() {
    Study s = Studies.onlyX0Matters(Storages.inMemory(), "cat", 40, 5);
    ContourPlot c = ContourPlot.of(s.trials(), MIN, 0, "c", "x2", 20);
    assertEquals(List.of(0.0, 1.0, 2.0), c.xValues());
    assertEquals(List.of("a", "b", "c"), c.x().categories());
    assertTrue(c.y().log());
    assertEquals(1e-3, c.yValues().get(0), 1e-12);
    assertEquals(1.0, c.yValues().get(19), 1e-9);
  }

  @Test
  void contour_sameParameterTwice_throws() {
    Study s = Studies.plane(Storages.inMemory(), "same", 5, 6);
    assertThrows(
        IllegalArgumentException.class, () -> ContourPlot.of(s.trials(), MIN, 0, "x", "x", 10));
    assertThrows(
        IllegalArgumentException.class, () -> ContourPlot.of(s.trials(), MIN, 0, "x", "nope", 10));
  }

  @Test
  void parallelAndSlice_conditionalSpace_leaveAbsentParametersOut() {
    Study s = Studies.conditional(Storages.inMemory(), "cond", 50, 7);
    ParallelCoordinatesPlot p = ParallelCoordinatesPlot.of(s.trials(), MIN, 0);
    List<String> names = p.axes().stream().map(Axis::name).toList();
    assertTrue(names.containsAll(List.of("model", "noise", "C", "depth")), names.toString());
    int c = names.indexOf("C");
    int depth = names.indexOf("depth");
    for (ParallelCoordinatesPlot.Line l : p.lines()) {
      assertTrue(l.coordinates().get(c) == null ^ l.coordinates().get(depth) == null);
    }
    SlicePlot sl = SlicePlot.of(s.trials(), MIN, 0);
    int withC =
        sl.panels().stream()
            .filter(x -> x.axis().name().equals("C"))
            .findFirst()
            .orElseThrow()
            .x()
            .size();
    int withDepth =
        sl.panels().stream()
            .filter(x -> x.axis().name().equals("depth"))
            .findFirst()
            .orElseThrow()
            .x()
            .size();
    assertEquals(50, withC + withDepth);
  }

  @Test
  void edf_values_areSortedAndEndAtOne() {
    Study s = Studies.plane(Storages.inMemory(), "edf", 30, 8);
    EdfPlot e = EdfPlot.of(s.trials(), MIN, 0);
    assertEquals(30, e.values().size());
    for (int i = 1; i < 30; i++) {
      assertTrue(e.values().get(i) >= e.values().get(i - 1));
      assertTrue(e.cumulative().get(i) > e.cumulative().get(i - 1));
    }
    assertEquals(1.0, e.cumulative().get(29), 0);
  }

  @Test
  void timeline_overlappingTrials_getSeparateLanes() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<FrozenTrial> trials =
        List.of(
            trial(0, t0, t0.plusSeconds(10), TrialState.COMPLETE),
            trial(1, t0.plusSeconds(1), t0.plusSeconds(5), TrialState.PRUNED),
            trial(2, t0.plusSeconds(6), t0.plusSeconds(9), TrialState.FAIL),
            trial(3, t0.plusSeconds(11), null, TrialState.RUNNING));
    TimelinePlot p = TimelinePlot.of(trials, t0.plusSeconds(20));
    assertEquals(List.of("lane 0", "lane 1"), p.workers());
    assertEquals(List.of(0, 1, 1, 0), p.bars().stream().map(TimelinePlot.Bar::worker).toList());
    assertEquals(t0.plusSeconds(20).toEpochMilli(), p.bars().get(3).end());
  }

  @Test
  void pareto_twoObjectives_marksTheFrontAndHypervolumeNeverFalls() {
    Study s = Studies.twoObjectives(Storages.inMemory(), "mo", 60, 9);
    ParetoPlot p = ParetoPlot.of(s.trials(), s.directions());
    assertEquals(60, p.points().size());
    long front = p.points().stream().filter(ParetoPlot.Point::front).count();
    assertEquals(s.bestTrials().size(), front);
    assertEquals(60, p.hypervolume().size());
    for (int i = 1; i < 60; i++) {
      assertTrue(p.hypervolume().get(i).hypervolume() >= p.hypervolume().get(i - 1).hypervolume());
    }
    assertTrue(p.hypervolume().get(59).hypervolume() > 0);
  }

  @Test
  void gpView_nonFiniteMean_throwsInsteadOfDrawingNaN() {
    var d = new org.hpo4j.space.FloatDistribution(0, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GpViewPlot.of(
                    "x",
                    d,
                    StudyDirection.MINIMIZE,
                    "EI",
                    List.of(0.0, 1.0),
                    List.of(0.0, Double.NaN),
                    List.of(1.0, 1.0),
                    List.of(0.0, 0.0),
                    0.5,
                    null,
                    List.of(),
                    0,
                    "test"));
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void gpView_valid_bandIsTwoSigma() {
    var d = new org.hpo4j.space.FloatDistribution(0, 1);
    GpViewPlot g =
        GpViewPlot.of(
            "x",
            d,
            StudyDirection.MINIMIZE,
            "EI",
            List.of(0.0, 1.0),
            List.of(1.0, 2.0),
            List.of(0.5, 0.25),
            List.of(0.1, 0.2),
            0.0,
            1.0,
            List.of(),
            0,
            "test");
    assertEquals(List.of(0.0, 1.5), g.lower());
    assertEquals(List.of(2.0, 2.5), g.upper());
    assertEquals(1.0, g.next());
    assertNull(
        GpViewPlot.of(
                "x",
                d,
                StudyDirection.MINIMIZE,
                "EI",
                List.of(0.0),
                List.of(1.0),
                List.of(0.0),
                List.of(0.0),
                0.0,
                null,
                List.of(),
                0,
                "test")
            .next());
    assertFalse(g.axis().log());
  }

  private static FrozenTrial trial(int n, Instant start, Instant end, TrialState state) {
    return new FrozenTrial(
        n,
        n,
        state,
        java.util.Map.of(),
        java.util.Map.of(),
        state == TrialState.COMPLETE ? List.of(1.0) : List.of(),
        new java.util.TreeMap<>(),
        java.util.Map.of(),
        java.util.Map.of(),
        start,
        end);
  }
}
