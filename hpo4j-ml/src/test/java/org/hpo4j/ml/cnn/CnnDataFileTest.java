package org.hpo4j.ml.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpo4j.trial.FixedTrial;
import org.junit.jupiter.api.Test;

class CnnDataFileTest {
  @Test
  void writeThenRead_sameImagesAndLabels() throws IOException {
    var images =
        new CnnTraining.Images(
            new float[] {0f, 0.5f, 1f, -2f, 3f, 4f, 5f, 6f}, new int[] {1, 0}, 1, 2, 3);
    Path p = CnnDataFile.write(images);
    try {
      var back = CnnDataFile.read(p);
      assertArrayEquals(images.pixels(), back.pixels());
      assertArrayEquals(images.labels(), back.labels());
      assertEquals(List.of(1, 2, 3), List.of(back.channels(), back.side(), back.classes()));
    } finally {
      Files.deleteIfExists(p);
    }
  }

  @Test
  void space_pinsTheParentsValues_whateverTheRange() {
    var s = CnnTrialMain.space(Map.of("learning_rate", 0.5, "fc_units", 7, "optimizer", "adam"));
    var nothingDrawn = FixedTrial.of(Map.of());
    assertEquals(0.5, s.suggestDouble(nothingDrawn, "learning_rate"));
    assertEquals(7, s.suggestInt(nothingDrawn, "fc_units"));
    assertEquals("adam", s.suggestString(nothingDrawn, "optimizer"));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> s.suggestDouble(nothingDrawn, "momentum"));
    assertTrue(e.getMessage().contains("'momentum'"), e.getMessage());
  }
}
