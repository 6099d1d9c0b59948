package org.hpo4j.ml.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CnnDataFileTest {
  @Test
  void writeThenRead_sameImagesAndLabels() throws IOException {
    var images = new CnnTraining.Images(new float[] {0f, 0.5f, 1f, -2f, 3f, 4f, 5f, 6f},
        new int[] {1, 0}, 1, 2, 3);
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
  void replay_returnsTheParentsValues_whateverTheRange() {
    var r = new CnnTrialMain.Replay(Map.of("lr", 0.5, "units", 7, "opt", "adam"));
    assertEquals(0.5, r.suggestFloat("lr", 0.001, 0.01, true));
    assertEquals(7L, r.suggestInt("units", 8, 64, false));
    assertEquals("adam", r.suggestCategorical("opt", List.of("sgd")));
  }
}
