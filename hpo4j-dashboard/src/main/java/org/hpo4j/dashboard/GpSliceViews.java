package org.hpo4j.dashboard;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.Experimental;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.gp.GpSampler;
import org.hpo4j.gp.GpSlice;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;

/**
 * GP views from hpo4j-gp: a log-EI {@link GpSampler} fitted to the study's complete trials (the
 * dashboard does not know which sampler ran the study, so it fits its own) and sliced with
 * {@link GpSampler#slice}. A parameter the GP does not model (conditional, or not in every complete
 * trial) has no view.
 *
 * <p>Thread-safe: one sampler per study name, whose own lock serialises fits.
 */
@Experimental
public final class GpSliceViews implements GpViewSource {
  /** Points along the slice of a continuous parameter. */
  static final int POINTS = 101;

  private final long seed;
  private final Map<String, GpSampler> samplers = new ConcurrentHashMap<>();

  private GpSliceViews(long seed) {
    this.seed = seed;
  }

  /** @return views from a log-EI GP seeded with {@code seed} (same seed, same picture) */
  public static GpViewSource logEi(long seed) {
    return new GpSliceViews(seed);
  }

  @Override
  public Optional<GpViewPlot> view(StudyView study, String parameter) {
    if (study.isMultiObjective()) {
      return Optional.empty();
    }
    GpSampler gp = samplers.computeIfAbsent(study.name(), k -> GpSampler.builder().seed(seed).build());
    Map<String, Distribution> space = gp.inferRelativeSearchSpace(study, null);
    Distribution d = space.get(parameter);
    if (d == null || d.isSingle()) {
      return Optional.empty();
    }
    Optional<GpSlice> slice = gp.slice(study, parameter, POINTS);
    return slice.map(s -> GpViewPlot.of(parameter, d, study.direction(), "log EI", s.values(), s.mean(), s.sd(),
        s.acquisition(), s.through().get(parameter), s.next().get(parameter), study.trials(), 0));
  }
}
