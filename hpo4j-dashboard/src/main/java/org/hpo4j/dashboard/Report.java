package org.hpo4j.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hpo4j.storage.Storage;

/**
 * The static report: one self-contained HTML file with every plot of a study, the charting library
 * and the data inlined, that opens offline in any browser and can be mailed or archived.
 *
 * <p>Backs {@code ./hpo report --storage URL --study NAME -o report.html}. Thread-safe (stateless).
 */
public final class Report {
  private Report() {}

  /**
   * One call for the CLI: writes the report of a study, with GP views from a log-EI GP fitted to
   * its history ({@link GpSliceViews}, seed 0, so the same study gives the same report).
   *
   * @param storage where the study lives (not closed)
   * @param studyName the study
   * @param out the HTML file to write (replaced if present; parent directories are created)
   * @throws IllegalArgumentException when no study has that name
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Storage storage, String studyName, Path out) {
    write(storage, studyName, out, GpSliceViews.logEi(0));
  }

  /**
   * Writes the report, with GP views from {@code gpSource}.
   *
   * @throws IllegalArgumentException when no study has that name
   * @throws UncheckedIOException when the file cannot be written
   * @throws IllegalStateException when the study does not fit in the heap (never the Error itself:
   *     the CLI shows this message, not a stack trace)
   */
  public static void write(Storage storage, String studyName, Path out, GpViewSource gpSource) {
    String html;
    try {
      html = html(StudyData.of(storage, studyName, gpSource, Instant.now()));
    } catch (OutOfMemoryError e) {
      throw new IllegalStateException(
          "study '"
              + studyName
              + "' did not fit in the Java heap ("
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MB); give it more with JAVA_OPTS=-Xmx...",
          e);
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the report to " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the report page of already computed study data
   */
  public static String html(StudyData data) {
    return Page.report(Json.write(data));
  }
}
