package org.hpo4j.dashboard;

import java.util.Optional;
import org.hpo4j.Experimental;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.study.StudyView;

/**
 * Where the GP view's data comes from: the seam between the dashboard and a Gaussian-process model.
 * The dashboard only reads storages, so a source fits its own GP to the study's history (it does not
 * need the sampler that ran the study) and slices it along one parameter.
 *
 * <p>Implementations must be thread-safe: the live dashboard calls them from its request threads.
 */
@Experimental
@FunctionalInterface
public interface GpViewSource {

  /**
   * @param study the study, read-only
   * @param parameter a parameter of the study
   * @return the view, or empty when the GP cannot say anything yet (too few trials, not fitted)
   */
  Optional<GpViewPlot> view(StudyView study, String parameter);

  /** @return a source that never has a view (the page then says no GP is available) */
  static GpViewSource none() {
    return (study, parameter) -> Optional.empty();
  }
}
