package org.hpo4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of {@code ./hpo bench --summary}: per function and sampler (and peer), the median over
 * seeds of the final regret (or final hypervolume) and of {@code wall_s}. Reads any file in the
 * suite's format, so results of another framework line up with ours.
 */
public final class Summary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Summary() {}

  /** One row of the table. */
  public record Row(
      String function,
      String sampler,
      String peer,
      int seeds,
      double medianFinal,
      double medianWall,
      boolean hypervolume) {}

  /**
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException when a line is not a benchmark result, naming file and line
   */
  public static List<Row> of(List<Path> files) throws IOException {
    List<BenchResult> results = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          BenchResult r;
          try {
            r = JSON.readValue(line, BenchResult.class);
          } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(
                file + ":" + n + " is not a benchmark result line: " + e.getOriginalMessage());
          }
          results.add(r);
        }
      }
    }
    return ofResults(results);
  }

  /**
   * @return the rows of results already in memory, grouped by (function, sampler, peer)
   */
  public static List<Row> ofResults(List<BenchResult> results) {
    Map<List<String>, List<BenchResult>> groups =
        new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
    for (BenchResult r : results) {
      groups
          .computeIfAbsent(
              List.of(r.function(), r.sampler(), r.peer() == null ? "?" : r.peer()),
              k -> new ArrayList<>())
          .add(r);
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach(
        (k, rs) -> {
          List<Double> finals = new ArrayList<>();
          List<Double> walls = new ArrayList<>();
          for (BenchResult r : rs) {
            finals.add(r.finalValue());
            walls.add(r.wallS());
          }
          rows.add(
              new Row(
                  k.get(0),
                  k.get(1),
                  k.get(2),
                  rs.size(),
                  median(finals),
                  median(walls),
                  rs.get(0).hypervolumeTrace() != null));
        });
    return rows;
  }

  /**
   * @return the median, NaN for an empty list; NaN entries (no completed trial) sort last
   */
  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /**
   * @return the rows as an aligned text table
   */
  public static String format(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-18s %-10s %-22s %5s %16s %10s%n",
            "function",
            "sampler",
            "peer",
            "seeds",
            "median_final",
            "median_wall_s"));
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-18s %-10s %-22s %5d %16.6g %10.4f%n",
              r.function(),
              r.sampler(),
              r.peer(),
              r.seeds(),
              r.medianFinal(),
              r.medianWall()));
    }
    if (rows.stream().anyMatch(Row::hypervolume)) {
      b.append(
          "(for multi-objective functions median_final is the final hypervolume: larger is better)\n");
    }
    return b.toString();
  }
}
