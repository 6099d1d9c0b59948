package org.hpo4j.dashboard;

import java.util.Optional;
import org.hpo4j.Experimental;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.study.StudyView;

/**
 * Where the GP view's data comes from: the seam between the dashboard and a Gaussian-process model.
 * The dashboard only reads storages; a source refits a GP to the study's history and slices it
 * along one parameter. It must say which model it shows: the study's own GP sampler (then the next
 * proposal is the sampler's) or a GP fitted only for the view (then there is no proposal).
 *
 * <p>Implementations must be thread-safe: the live dashboard calls them from its request threads.
 */
@Experimental
@FunctionalInterface
public interface GpViewSource {

  /**
   * @param study the study, read-only (for a huge study, a bounded subset of its trials)
   * @param parameter a parameter of the study
   * @param sampler the name of the sampler that ran the study (e.g. "gp_ei", "tpe"), or null when
   *     the storage does not say
   * @return the view, or empty when the GP cannot say anything yet (too few trials, not fitted)
   */
  Optional<GpViewPlot> view(StudyView study, String parameter, String sampler);

  /**
   * @return a source that never has a view (the page then says no GP is available)
   */
  static GpViewSource none() {
    return (study, parameter, sampler) -> Optional.empty();
  }
}
