package org.hpo4j.testing;

import org.hpo4j.pruner.Pruner;
import org.junit.jupiter.api.Nested;

/** Every built-in pruner runs {@link PrunerContractTest}. */
class PrunerContractTests {

  @Nested
  class None extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.none();
    }
  }

  @Nested
  class Median extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.median();
    }
  }

  @Nested
  class Percentile10WithWarmup extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.percentileBuilder(10).warmupSteps(2).intervalSteps(2).build();
    }
  }

  @Nested
  class Asha extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.successiveHalving(1, 3, 0);
    }
  }

  @Nested
  class Hyperband extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.hyperband(1, 27, 3, 0);
    }
  }

  @Nested
  class Wilcoxon extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.wilcoxon(0.1, 2);
    }
  }

  @Nested
  class PatientMedian extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.patient(Pruner.median(), 2, 0.0);
    }
  }

  @Nested
  class Threshold extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.threshold(-1.2, 1.2);
    }
  }

  @Nested
  class ParetoPercentile extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return Pruner.paretoPercentile(50);
    }
  }
}
