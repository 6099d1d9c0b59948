package org.hpo4j.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one HTML page behind both the static report and the live dashboard. The report inlines the
 * charting library, the page script and the data; the live page loads the scripts from the server
 * and polls its JSON endpoints. Thread-safe; resources are read once.
 */
final class Page {
  /** Version of ECharts shipped in the jar (its WebJar). */
  static final String ECHARTS_VERSION = "5.3.1";

  static final String ECHARTS_RESOURCE =
      "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

  private static final String TEMPLATE = resource("org/hpo4j/dashboard/page.html");
  private static final String CSS = resource("org/hpo4j/dashboard/page.css");
  private static final String PLOTS = resource("org/hpo4j/dashboard/plots.js");
  private static final String APP = resource("org/hpo4j/dashboard/page.js");
  private static volatile String echarts;

  private Page() {}

  /**
   * @return the static report page with {@code dataJson} (from {@link Json#write}) embedded
   */
  static String report(String dataJson) {
    return TEMPLATE
        .replace("{{TITLE}}", "hpo4j report")
        .replace("{{CSS}}", CSS)
        .replace("{{MODE}}", "report")
        .replace("{{WRITABLE}}", "false")
        .replace(
            "{{SCRIPTS}}",
            "<script>"
                + scriptSafe(echarts())
                + "</script>\n<script>"
                + scriptSafe(PLOTS)
                + "</script>\n<script>"
                + scriptSafe(APP)
                + "</script>")
        .replace("{{DATA}}", dataJson);
  }

  /**
   * @return the live dashboard page; it fetches its data from the server
   */
  static String live(boolean writable) {
    return TEMPLATE
        .replace("{{TITLE}}", "hpo4j dashboard")
        .replace("{{CSS}}", CSS)
        .replace("{{MODE}}", "live")
        .replace("{{WRITABLE}}", String.valueOf(writable))
        .replace(
            "{{SCRIPTS}}",
            "<script src=\"assets/echarts.min.js\"></script>\n"
                + "<script src=\"assets/plots.js\"></script>\n<script src=\"assets/page.js\"></script>")
        .replace("{{DATA}}", "null");
  }

  /**
   * @return the page script (data loading, polling)
   */
  static String app() {
    return APP;
  }

  /**
   * @return the plot-drawing script
   */
  static String plots() {
    return PLOTS;
  }

  /**
   * @return the minified ECharts library
   */
  static String echarts() {
    String e = echarts;
    if (e == null) {
      e = resource(ECHARTS_RESOURCE);
      echarts = e;
    }
    return e;
  }

  /**
   * Inline scripts must not contain a closing script tag; the shipped ones do not, this makes sure.
   */
  private static String scriptSafe(String js) {
    return js.replace("</script", "<\\/script");
  }

  private static String resource(String path) {
    try (InputStream in = Page.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read resource " + path, e);
    }
  }
}
