package org.hpo4j.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV reference tables written by src/test/resources/org/hpo4j/math/golden.py. */
final class Golden {
  private Golden() {}

  /** Rows of numbers, skipping the comment line and the header. */
  static List<double[]> read(String name) {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = Golden.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] parts = line.split(",");
        double[] row = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          row[i] = Double.parseDouble(parts[i]);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** Asserts |actual - expected| &lt;= rel |expected| + abs. */
  static void assertClose(double expected, double actual, double rel, double abs, String what) {
    if (Double.isInfinite(expected)) {
      assertTrue(expected == actual, what + ": expected " + expected + " but got " + actual);
      return;
    }
    double err = Math.abs(actual - expected);
    assertTrue(
        err <= rel * Math.abs(expected) + abs,
        what
            + ": expected "
            + expected
            + " but got "
            + actual
            + " (rel. error "
            + err / Math.abs(expected)
            + ")");
  }
}
