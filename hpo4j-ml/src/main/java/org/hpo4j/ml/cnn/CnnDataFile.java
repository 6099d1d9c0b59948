package org.hpo4j.ml.cnn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hands scaled images to a child JVM through a temporary file: a header (rows, channels, side,
 * classes as ints), then the pixels as floats, then the labels as ints, little-endian. Reading it
 * costs milliseconds where re-parsing a CSV would cost seconds per trial.
 */
final class CnnDataFile {
  private CnnDataFile() {}

  static Path write(CnnTraining.Images data) throws IOException {
    Path p = Files.createTempFile("hpo4j-cnn-", ".bin");
    p.toFile().deleteOnExit();
    int rows = data.labels().length;
    ByteBuffer b =
        ByteBuffer.allocate(16 + 4 * data.pixels().length + 4 * rows)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(rows).putInt(data.channels()).putInt(data.side()).putInt(data.classes());
    b.asFloatBuffer().put(data.pixels());
    b.position(16 + 4 * data.pixels().length);
    b.asIntBuffer().put(data.labels());
    b.position(0);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      while (b.hasRemaining()) {
        ch.write(b);
      }
    }
    return p;
  }

  static CnnTraining.Images read(Path p) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    int rows = b.getInt();
    int channels = b.getInt();
    int side = b.getInt();
    int classes = b.getInt();
    float[] pixels = new float[rows * channels * side * side];
    b.asFloatBuffer().get(pixels);
    b.position(16 + 4 * pixels.length);
    int[] labels = new int[rows];
    b.asIntBuffer().get(labels);
    return new CnnTraining.Images(pixels, labels, channels, side, classes);
  }
}
