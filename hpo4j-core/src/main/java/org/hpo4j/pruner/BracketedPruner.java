package org.hpo4j.pruner;

import org.hpo4j.Experimental;
import org.hpo4j.sampler.Sampler;

/**
 * A pruner that splits trials into brackets that are judged only against each other (Hyperband). A
 * model-based sampler should then learn from the trials of the same bracket only, because the
 * brackets stop trials at different steps and their values are not comparable; {@link
 * #restrict(Sampler)} does that for any sampler.
 *
 * <p>Implementations are immutable and thread-safe; the bracket of a trial depends only on its
 * number and the pruner's seed, so every worker computes the same one.
 */
@Experimental
public interface BracketedPruner extends Pruner {

  /**
   * @return the number of brackets, at least 1
   */
  int bracketCount();

  /**
   * @return the bracket (0-based, below {@link #bracketCount()}) of the trial numbered {@code
   *     trialNumber}
   */
  int bracketOf(int trialNumber);

  /**
   * @return a sampler that hands {@code sampler} a view of the study holding only the trials of the
   *     bracket of the trial being sampled
   * @throws IllegalArgumentException when sampler is null
   */
  default Sampler restrict(Sampler sampler) {
    return new SameBracketSampler(org.hpo4j.Checks.requireNonNull(sampler, "sampler"), this);
  }
}
