package org.hpo4j.testing;

import org.hpo4j.pruner.HyperbandPruner;
import org.hpo4j.pruner.ParetoPercentilePruner;
import org.hpo4j.pruner.PatientPruner;
import org.hpo4j.pruner.PercentilePruner;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.pruner.SuccessiveHalvingPruner;
import org.hpo4j.pruner.ThresholdPruner;
import org.hpo4j.pruner.WilcoxonPruner;
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
      return PercentilePruner.builder().percentile(10).warmupSteps(2).intervalSteps(2).build();
    }
  }

  @Nested
  class Asha extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return SuccessiveHalvingPruner.builder()
          .minResource(1)
          .reductionFactor(3)
          .minEarlyStoppingRate(0)
          .build();
    }
  }

  @Nested
  class Hyperband extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return HyperbandPruner.builder()
          .minResource(1)
          .maxResource(27)
          .reductionFactor(3)
          .seed(0)
          .build();
    }
  }

  @Nested
  class Wilcoxon extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return WilcoxonPruner.builder().pThreshold(0.1).startupSteps(2).build();
    }
  }

  @Nested
  class PatientMedian extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return PatientPruner.builder().wrapped(Pruner.median()).patience(2).minDelta(0.0).build();
    }
  }

  @Nested
  class Threshold extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return ThresholdPruner.builder().lower(-1.2).upper(1.2).build();
    }
  }

  @Nested
  class ParetoPercentile extends PrunerContractTest {
    @Override
    protected Pruner newPruner() {
      return ParetoPercentilePruner.builder().percentile(50).build();
    }
  }
}
