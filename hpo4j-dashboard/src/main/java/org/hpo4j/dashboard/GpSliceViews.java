package org.hpo4j.dashboard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.Experimental;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.gp.GpSampler;
import org.hpo4j.gp.GpSampler.AcquisitionFunction;
import org.hpo4j.gp.GpSlice;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;

/**
 * GP views from hpo4j-gp, sliced with {@link GpSampler#slice}. For a study run by one of the GP
 * samplers ({@code gp}, {@code gp_ei}, {@code gp_pi}, {@code gp_ucb}, {@code gp_ts}) the view is
 * that sampler's model, refitted on the same trials with the same acquisition, and shows where it
 * would look next. For any other sampler, or when the storage does not name one, a log-EI GP is
 * fitted for the view only: it shows what a GP makes of the history, labelled so, and proposes
 * nothing, since the study's sampler will not follow it. A parameter the GP does not model
 * (conditional, or not in every complete trial) has no view.
 *
 * <p>Thread-safe: one sampler per study and acquisition, whose own lock serialises fits.
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

  /**
   * @return views from GPs seeded with {@code seed} (same seed, same picture)
   */
  public static GpViewSource logEi(long seed) {
    return new GpSliceViews(seed);
  }

  /**
   * @return the acquisition of a GP sampler's name, or null when the name is not a GP sampler's
   */
  static AcquisitionFunction gpAcquisition(String sampler) {
    if (sampler == null) {
      return null;
    }
    return switch (sampler.toLowerCase(Locale.ROOT)) {
      case "gp", "gp_logei", "gp_log_ei" -> AcquisitionFunction.LOG_EI;
      case "gp_ei" -> AcquisitionFunction.EI;
      case "gp_pi" -> AcquisitionFunction.PI;
      case "gp_ucb" -> AcquisitionFunction.UCB;
      case "gp_ts" -> AcquisitionFunction.THOMPSON;
      default -> null;
    };
  }

  @Override
  public Optional<GpViewPlot> view(StudyView study, String parameter, String sampler) {
    if (study.isMultiObjective()) {
      return Optional.empty();
    }
    AcquisitionFunction own = gpAcquisition(sampler);
    AcquisitionFunction acq = own == null ? AcquisitionFunction.LOG_EI : own;
    GpSampler gp =
        samplers.computeIfAbsent(
            study.name() + "\u0000" + acq,
            k -> GpSampler.builder().seed(seed).acquisition(acq).build());
    Map<String, Distribution> space = gp.inferRelativeSearchSpace(study, null);
    Distribution d = space.get(parameter);
    if (d == null || d.isSingle()) {
      return Optional.empty();
    }
    String model =
        own != null
            ? "the model of this study's sampler (" + sampler + "), refitted on its trials"
            : "a GP fitted for this view only: the study's sampler ("
                + (sampler == null ? "not recorded" : sampler)
                + ") does not use it, so no next proposal is shown";
    Optional<GpSlice> slice = gp.slice(study, parameter, POINTS);
    return slice.map(
        s ->
            GpViewPlot.of(
                parameter,
                d,
                study.direction(),
                acquisitionName(acq),
                s.values(),
                s.mean(),
                s.sd(),
                s.acquisition(),
                s.through().get(parameter),
                own == null ? null : s.next().get(parameter),
                study.trials(),
                0,
                model));
  }

  private static String acquisitionName(AcquisitionFunction a) {
    return switch (a) {
      case LOG_EI, THOMPSON -> "log EI";
      case EI -> "EI";
      case PI -> "log PI";
      case UCB -> "UCB";
    };
  }
}
