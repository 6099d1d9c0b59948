package org.hpo4j.ml.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CnnProcessTest {
  @Test
  void childEnvironment_notSet_fillsHeapWithFiniteBytes() {
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/bin"));
    CnnProcess.childEnvironment(env);
    int fill = Integer.parseInt(env.get("MALLOC_PERTURB_")) ^ 0xff;
    assertEquals(0x80, fill); // 0x80808080 as a float is -1.2e-38: finite, so 0 * it stays 0
    assertEquals("/bin", env.get("PATH"));
  }

  @Test
  void childEnvironment_userValue_kept() {
    Map<String, String> env = new HashMap<>(Map.of("MALLOC_PERTURB_", "0"));
    CnnProcess.childEnvironment(env);
    assertEquals("0", env.get("MALLOC_PERTURB_"));
  }
}
