package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.dashboard.plot.ParallelCoordinatesPlot;
import org.hpo4j.dashboard.plot.Thin;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class HonestGpAndBoundsTest {

  /** A study as `hpo run` leaves it: its study file, naming the sampler, kept with it. */
  private static StudyData ranBy(String name, String studyFile) {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, name, 25, 1);
    storage.setStudySystemAttr(storage.findStudy(name).orElseThrow(), "study_file", studyFile);
    return StudyData.of(storage, name, GpSliceViews.logEi(0), Instant.now());
  }

  @Test
  void gpView_tpeStudy_isLabelledViewOnlyWithoutAProposal() {
    StudyData d = ranBy("tpe-study", "name: tpe-study\nsampler: tpe\ntrials: 25\n");
    assertEquals("tpe", d.sampler());
    assertTrue(!d.gp().isEmpty());
    for (GpViewPlot g : d.gp()) {
      assertNull(g.next(), "a TPE study gets no GP proposal");
      assertTrue(g.model().startsWith("a GP fitted for this view only"), g.model());
    }
  }

  @Test
  void gpView_gpStudy_showsTheSamplersModelAndProposal() {
    StudyData d = ranBy("gp-study", "name: gp-study\nsampler:\n  type: gp_ei\n");
    assertEquals("gp_ei", d.sampler());
    assertTrue(!d.gp().isEmpty());
    assertNotNull(d.gp().get(0).next());
    assertEquals("EI", d.gp().get(0).acquisition());
    assertTrue(
        d.gp().get(0).model().contains("this study's sampler (gp_ei)"), d.gp().get(0).model());
  }

  @Test
  void gpView_logAcquisition_isClippedToASaneRange() {
    var dist = new org.hpo4j.space.FloatDistribution(0, 1);
    GpViewPlot g =
        GpViewPlot.of(
            "x",
            dist,
            StudyDirection.MINIMIZE,
            "log EI",
            List.of(0.0, 0.5, 1.0),
            List.of(1.0, 1.0, 1.0),
            List.of(0.1, 0.1, 0.1),
            List.of(-2.0, -200_000.0, -5.0),
            0.0,
            null,
            List.of(),
            0,
            "m");
    assertEquals(-32.0, g.clippedBelow());
    assertEquals(List.of(-2.0, -32.0, -5.0), g.acquisitionValues());
  }

  @Test
  void studyData_metricNames_labelEveryObjective() {
    Storage storage = Storages.inMemory();
    Studies.twoObjectives(storage, "mo", 20, 1);
    storage.setStudySystemAttr(
        storage.findStudy("mo").orElseThrow(), "study:metric_names", List.of("error", "size"));
    StudyData d = StudyData.of(storage, "mo", GpViewSource.none(), Instant.now());
    assertEquals(List.of("error", "size"), d.objectiveLabels());
    assertEquals(2, d.objectives().size());
    assertEquals(1, d.objectives().get(1).history().objective());
    assertEquals("size", d.objectives().get(1).label());
  }

  /** The unnamed top bar and overlapping labels: every one of 30 parameters gets a named entry. */
  @Test
  void importance_multiObjectiveWith30Parameters_namesEveryBarOfEachObjective() {
    Storage storage = Storages.inMemory();
    Study s =
        Study.builder()
            .name("wide")
            .storage(storage)
            .sampler(org.hpo4j.sampler.RandomSampler.builder().seed(4).build())
            .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
            .build();
    s.optimizeMulti(
        t -> {
          double a = 0;
          for (int i = 0; i < 30; i++) {
            a += (i + 1) * t.suggestFloat("parameter_with_a_long_name_" + i, 0, 1);
          }
          return new double[] {a, -a};
        },
        60);
    StudyData d = StudyData.of(storage, "wide", GpViewSource.none(), Instant.now());
    for (ObjectivePlots o : d.objectives()) {
      assertEquals(30, o.importance().entries().size());
      assertTrue(
          o.importance().entries().stream()
              .allMatch(e -> e.param().startsWith("parameter_with_a_long_name_")));
      assertEquals(30, o.parallel().axes().size());
      assertTrue(o.parallel().axes().stream().allMatch(a -> a.name().length() > 27), "full names");
    }
  }

  @Test
  void studyData_hugeStudy_carriesBoundedPlotDataAndFitsTheGpOnASubset() {
    Storage storage = Storages.inMemory();
    Study s = Studies.sphere(storage, "huge", 4, 12_000, 9);
    List<Integer> fittedOn = new java.util.ArrayList<>();
    GpViewSource spy =
        (study, p, sampler) -> {
          fittedOn.add(study.trials().size());
          return java.util.Optional.empty();
        };
    StudyData d = StudyData.of(storage, "huge", spy, Instant.now());
    ObjectivePlots o = d.objectives().get(0);
    assertEquals(12_000, o.history().total());
    assertTrue(
        o.history().points().size() <= Thin.MAX_POINTS + 100,
        "history " + o.history().points().size());
    assertTrue(o.parallel().lines().size() <= ParallelCoordinatesPlot.MAX_LINES);
    assertTrue(o.slice().panels().get(0).x().size() <= Thin.MAX_POINTS);
    assertTrue(o.edf().values().size() <= 1001);
    assertEquals(StudyData.MAX_ROWS, d.trials().size());
    assertTrue(fittedOn.stream().allMatch(n -> n <= StudyData.GP_TRIALS), fittedOn.toString());
    // The best trial is always among the points drawn.
    double best = s.best().value();
    assertTrue(o.history().points().stream().anyMatch(p -> p.value() == best));
    assertTrue(o.parallel().lines().stream().anyMatch(l -> l.value() == best));
    assertTrue(Json.write(d).length() < 4_000_000, "report data " + Json.write(d).length());
  }

  @Test
  void studyData_allFailed_hasNoPlotPointsButEveryReason() {
    Storage storage = Storages.inMemory();
    Study s = Study.builder().name("all-failed").storage(storage).build();
    s.optimize(
        t -> {
          t.suggestFloat("x", 0, 1);
          throw new IllegalStateException("out of GPU memory");
        },
        4);
    StudyData d = StudyData.of(storage, "all-failed", GpViewSource.none(), Instant.now());
    assertEquals(4, d.counts().get(TrialState.FAIL));
    assertEquals(0, d.objectives().get(0).history().total());
    assertTrue(d.trials().stream().allMatch(r -> r.failReason().contains("out of GPU memory")));
    assertEquals(Map.of(), d.trialNotes());
  }
}
