package org.hpo4j.gp;

import java.util.List;
import java.util.Map;
import org.hpo4j.Experimental;

/**
 * What a GP looks like along one parameter, for a dashboard's "GP view": the posterior mean and
 * standard deviation (in objective units and direction) and the acquisition value on a 1-D slice
 * through the best trial, and the point the sampler would propose next.
 *
 * @param parameter the parameter varied along the slice
 * @param values its internal values along the slice, increasing
 * @param mean posterior mean of the objective at each value
 * @param sd posterior standard deviation of the objective (noise excluded) at each value
 * @param acquisition the sampler's acquisition at each value (for Thompson sampling: log EI)
 * @param through the internal values of the best trial, which the slice passes through
 * @param next the internal values of the next proposal
 */
@Experimental
public record GpSlice(
    String parameter,
    List<Double> values,
    List<Double> mean,
    List<Double> sd,
    List<Double> acquisition,
    Map<String, Double> through,
    Map<String, Double> next) {

  /** Copies every collection. */
  public GpSlice {
    values = List.copyOf(values);
    mean = List.copyOf(mean);
    sd = List.copyOf(sd);
    acquisition = List.copyOf(acquisition);
    through = Map.copyOf(through);
    next = Map.copyOf(next);
  }
}
