package org.hpo4j.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class QmcSamplerTest {

  @Test
  void first64Trials_putExactlyOnePointInEachSixtyFourthOfEachAxis() {
    Study study = Study.builder().sampler(QmcSampler.builder().seed(11).build()).build();
    study.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestFloat("b", 0, 1), 64);
    for (String p : new String[] {"a", "b"}) {
      boolean[] cell = new boolean[64];
      for (FrozenTrial t : study.trials()) {
        int c = (int) Math.floor((Double) t.param(p) * 64);
        assertTrue(!cell[c], p + ": two points in cell " + c);
        cell[c] = true;
      }
    }
  }

  @Test
  void outOfOrderTrials_getTheSamePointsAsInOrder() {
    Study a = Study.builder().sampler(QmcSampler.builder().seed(3).build()).build();
    a.optimize(t -> t.suggestFloat("x", 0, 1), 20);
    Study b = Study.builder().sampler(QmcSampler.builder().seed(3).build()).build();
    b.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(20).threads(4));
    java.util.Map<Integer, Object> byNumber = new java.util.HashMap<>();
    b.trials().forEach(t -> byNumber.put(t.number(), t.param("x")));
    a.trials().forEach(t -> assertEquals(t.param("x"), byNumber.get(t.number())));
  }
}
