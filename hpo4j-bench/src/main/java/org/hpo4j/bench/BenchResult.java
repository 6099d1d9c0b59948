package org.hpo4j.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One line of the benchmark's JSON-lines output, in the field order of shared/spec/benchmarks.md.
 * Exactly one of {@code regretTrace} (single objective) and {@code hypervolumeTrace} (several) is
 * set.
 *
 * @param peer "hpo4j-VERSION"
 * @param sampler sampler name
 * @param function function name
 * @param seed the sampler's seed
 * @param trials trials run
 * @param regretTrace best-so-far minus optimum after each trial; null until a trial completed
 * @param hypervolumeTrace hypervolume of the front after each trial
 * @param wallS seconds of the whole ask-evaluate-tell loop
 */
@JsonPropertyOrder({
  "peer",
  "sampler",
  "function",
  "seed",
  "trials",
  "regret_trace",
  "hypervolume_trace",
  "wall_s"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(
    String peer,
    String sampler,
    String function,
    long seed,
    int trials,
    @JsonProperty("regret_trace") List<Double> regretTrace,
    @JsonProperty("hypervolume_trace") List<Double> hypervolumeTrace,
    @JsonProperty("wall_s") double wallS) {

  /**
   * @return the last entry of the trace, or NaN when it has none
   */
  public double finalValue() {
    List<Double> t = regretTrace != null ? regretTrace : hypervolumeTrace;
    if (t == null || t.isEmpty() || t.get(t.size() - 1) == null) {
      return Double.NaN;
    }
    return t.get(t.size() - 1);
  }
}
