package org.hpo4j.cli;

import org.hpo4j.pruner.BracketedPruner;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.pruner.Pruners;
import org.hpo4j.sampler.Sampler;

/** Builds the parts of a study named in a study file that have no registry of their own. */
final class StudyParts {
  private StudyParts() {}

  static Pruner pruner(StudyFile f) {
    try {
      return Pruners.create(f.pruner().type(), f.pruner().options());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(
          f.path() + ": " + (m.startsWith("pruner") ? m : "pruner: " + m), e);
    }
  }

  /**
   * @return the sampler, restricted to same-bracket trials when the pruner has brackets (Hyperband)
   */
  static Sampler forPruner(Sampler sampler, Pruner pruner) {
    return pruner instanceof BracketedPruner b ? b.restrict(sampler) : sampler;
  }
}
