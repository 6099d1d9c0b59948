package org.hpo4j.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads a numeric CSV file with a header row into a {@link Dataset}.
 *
 * <p>Fields are separated by commas (no embedded commas); surrounding whitespace and double quotes
 * are stripped. An empty feature cell, {@code NA} or {@code NaN} is a missing value; every other
 * feature cell must be a number. A file whose name ends in {@code .gz} is gunzipped.
 *
 * <p>The task is {@link Task#CLASSIFICATION} when the target is non-numeric, or integer-valued with
 * at most {@value #MAX_AUTO_CLASSES} distinct values; otherwise {@link Task#REGRESSION}. Classes
 * are indexed in ascending order of their labels (numerically when all labels are numbers).
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvLoader {
  /** Largest number of distinct integer targets that is still taken as classification. */
  public static final int MAX_AUTO_CLASSES = 50;

  private CsvLoader() {}

  /** Loads {@code path}, choosing the target automatically and detecting the task. */
  public static Dataset load(Path path) throws IOException {
    return load(path, TargetColumn.auto(), null);
  }

  /**
   * Loads {@code path}.
   *
   * @param task the task, or {@code null} to detect it from the target values
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file is empty, the target column is missing, a row has
   *     the wrong number of cells, or a cell is not a number; the message names the line and column
   */
  public static Dataset load(Path path, TargetColumn target, Task task) throws IOException {
    String source = path.toString();
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String name = path.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
      return read(reader, name, source, target, task);
    }
  }

  /** Reads CSV text from {@code reader}; {@code source} names it in error messages. */
  public static Dataset read(
      BufferedReader reader, String name, String source, TargetColumn target, Task task)
      throws IOException {
    String headerLine = reader.readLine();
    if (headerLine == null || headerLine.isBlank()) {
      throw new IllegalArgumentException(source + " is empty: a header row is required");
    }
    List<String> header = Arrays.asList(split(headerLine));
    int t = target.resolve(header, source);
    List<String> featureNames = new ArrayList<>(header);
    featureNames.remove(t);

    FloatBuffer features = new FloatBuffer();
    List<String> rawTargets = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = split(line);
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            String.format(
                "%s line %d has %d cells, but the header has %d",
                source, lineNo, cells.length, header.size()));
      }
      for (int c = 0; c < cells.length; c++) {
        if (c == t) {
          if (cells[c].isEmpty()) {
            throw new IllegalArgumentException(
                String.format(
                    "%s line %d column %d ('%s'): the target is empty",
                    source, lineNo, c + 1, header.get(c)));
          }
          rawTargets.add(cells[c]);
        } else {
          features.add(parseFeature(cells[c], source, lineNo, c, header.get(c)));
        }
      }
    }
    if (rawTargets.isEmpty()) {
      throw new IllegalArgumentException(source + " has a header but no data rows");
    }
    return build(name, featureNames, header.get(t), task, features.toArray(), rawTargets, source);
  }

  private static Dataset build(
      String name,
      List<String> featureNames,
      String targetName,
      Task task,
      float[] features,
      List<String> rawTargets,
      String source) {
    double[] numeric = new double[rawTargets.size()];
    boolean allNumeric = true;
    boolean allIntegral = true;
    for (int i = 0; i < numeric.length; i++) {
      try {
        numeric[i] = Double.parseDouble(rawTargets.get(i));
        allIntegral &= numeric[i] == Math.rint(numeric[i]);
        allNumeric &= Double.isFinite(numeric[i]);
      } catch (NumberFormatException e) {
        allNumeric = false;
      }
    }
    Task resolved = task;
    if (resolved == null) {
      boolean fewClasses = new HashSet<>(rawTargets).size() <= MAX_AUTO_CLASSES;
      resolved = !allNumeric || (allIntegral && fewClasses) ? Task.CLASSIFICATION : Task.REGRESSION;
    }
    float[] targets = new float[numeric.length];
    if (resolved == Task.REGRESSION) {
      if (!allNumeric) {
        int bad = 0;
        while (bad < numeric.length && isNumber(rawTargets.get(bad))) {
          bad++;
        }
        throw new IllegalArgumentException(
            String.format(
                "%s: regression needs a numeric target '%s', but data row %d holds '%s'",
                source, targetName, bad + 1, rawTargets.get(bad)));
      }
      for (int i = 0; i < numeric.length; i++) {
        targets[i] = (float) numeric[i];
      }
      return new Dataset(name, featureNames, targetName, resolved, List.of(), features, targets);
    }
    Set<String> distinct = new HashSet<>(rawTargets);
    List<String> labels;
    if (allNumeric) {
      TreeSet<Double> sorted = new TreeSet<>();
      for (double v : numeric) {
        sorted.add(v);
      }
      labels = new ArrayList<>();
      Map<Double, String> shown = new LinkedHashMap<>();
      for (int i = 0; i < numeric.length; i++) {
        shown.putIfAbsent(numeric[i], rawTargets.get(i));
      }
      for (double v : sorted) {
        labels.add(shown.get(v));
      }
      Map<Double, Integer> index = new LinkedHashMap<>();
      for (double v : sorted) {
        index.put(v, index.size());
      }
      for (int i = 0; i < numeric.length; i++) {
        targets[i] = index.get(numeric[i]);
      }
    } else {
      labels = new ArrayList<>(new TreeSet<>(distinct));
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String l : labels) {
        index.put(l, index.size());
      }
      for (int i = 0; i < numeric.length; i++) {
        targets[i] = index.get(rawTargets.get(i));
      }
    }
    if (labels.size() < 2) {
      throw new IllegalArgumentException(
          String.format(
              "%s: classification needs at least 2 classes in target '%s', but found only %s",
              source, targetName, labels));
    }
    return new Dataset(name, featureNames, targetName, resolved, labels, features, targets);
  }

  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static float parseFeature(String cell, String source, int lineNo, int col, String name) {
    if (cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")) {
      return Float.NaN;
    }
    try {
      float v = Float.parseFloat(cell);
      if (Float.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(
              "%s line %d column %d ('%s'): '%s' is not a number",
              source, lineNo, col + 1, name, cell));
    }
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].strip();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1).strip();
      }
      cells[i] = c;
    }
    return cells;
  }

  /** A growable float array, to avoid boxing millions of pixels. */
  private static final class FloatBuffer {
    private float[] data = new float[1024];
    private int size;

    void add(float v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    float[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
