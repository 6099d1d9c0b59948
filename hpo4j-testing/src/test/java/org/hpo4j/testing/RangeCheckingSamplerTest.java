package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class RangeCheckingSamplerTest {
  /** Proposes just past the upper end of every range: the study snaps it back, silently. */
  private static final class PastTheEnd implements Sampler {
    @Override
    public double sampleIndependent(
        StudyView study, FrozenTrial trial, String name, Distribution distribution) {
      return distribution.fromUnit(1.0) + 0.25;
    }

    @Override
    public String toString() {
      return "PastTheEnd";
    }
  }

  @Test
  void brokenSampler_isCaughtThoughTheStoredValuesLookLegal() {
    RangeCheckingSampler checked = new RangeCheckingSampler(new PastTheEnd());
    Study study = Study.builder().sampler(checked).build();
    study.optimize(t -> t.suggestFloat("x", 0.0, 1.0), 3);
    // What the contract test checked before: the stored value, already snapped into range.
    assertTrue(
        study
            .trials()
            .get(0)
            .distributions()
            .get("x")
            .contains(study.trials().get(0).internalParams().get("x")));
    List<String> v = checked.violations();
    assertEquals(3, v.size(), v.toString());
    assertTrue(
        v.get(0).contains("PastTheEnd") && v.get(0).contains("'x'") && v.get(0).contains("1.25"),
        v.get(0));
  }

  @Test
  void legalSampler_hasNoViolations() {
    RangeCheckingSampler checked =
        new RangeCheckingSampler(RandomSampler.builder().seed(1).build());
    Study.builder()
        .sampler(checked)
        .build()
        .optimize(t -> t.suggestInt("n", 1, 9, 2) + t.suggestFloat("x", 1e-3, 1, true), 20);
    assertEquals(List.of(), checked.violations());
  }
}
