package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the live dashboard and the report in headless Chromium (Debian's chromium and
 * chromedriver) as a user would, asserting on the page; screenshots go to
 * target/browser-screenshots for CI to keep. Runs under CI=true (fails there without a browser);
 * elsewhere it is skipped when no browser is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  static final String CHROMIUM = System.getProperty("hpo4j.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("hpo4j.chromedriver", "/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "browser-screenshots");

  static Storage storage;
  static Dashboard dashboard;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static Path profile;
  static Study live2;

  @BeforeAll
  static void start() throws Exception {
    boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          present, "no chromium/chromedriver here (apt-get install chromium chromium-driver)");
    }
    assertTrue(
        present,
        "CI must install chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    storage = Storages.inMemory();
    Studies.failing(storage, "branin", 60, 3);
    Studies.failing(storage, "branin-b", 60, 4);
    Studies.twoObjectives(storage, "mo", 40, 2);
    storage.setStudySystemAttr(
        storage.findStudy("mo").orElseThrow(), "study:metric_names", List.of("error", "size"));
    live2 = Studies.plane(storage, "live2", 2, 1);
    Study wide =
        Study.builder()
            .name("wide")
            .storage(storage)
            .directions(
                org.hpo4j.study.StudyDirection.MINIMIZE, org.hpo4j.study.StudyDirection.MAXIMIZE)
            .build();
    wide.optimizeMulti(
        t -> {
          double a = 0;
          for (int i = 0; i < 30; i++) {
            a += (i + 1) * t.suggestFloat("colsample_bylevel_" + i, 0, 1);
          }
          return new double[] {a, -a / 2};
        },
        40);
    dashboard = Dashboard.start(storage, "127.0.0.1", 0, GpSliceViews.logEi(0), true);
    Files.createDirectories(SHOTS);
    profile = Files.createTempDirectory("hpo4j-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1800",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (dashboard != null) {
      dashboard.close();
    }
  }

  /**
   * A fresh load of the page at {@code hash} (a hash change alone is what the page's own links
   * test).
   */
  private static void open(String hash) {
    driver.get("about:blank");
    driver.get(dashboard.uri() + "#" + hash);
  }

  /** Clicks, retrying while a redraw replaces the element. */
  private static void click(By by) {
    until(
        "click " + by,
        () -> {
          driver.findElement(by).click();
          return true;
        });
  }

  private static void until(String what, Supplier<Boolean> condition) {
    wait.withMessage(what)
        .until(
            d -> {
              try {
                return condition.get();
              } catch (RuntimeException e) {
                return false;
              }
            });
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** An ECharts option value read from the chart of a container, e.g. "yAxis[0].type". */
  private static Object option(String chartId, String path) {
    return js(
        "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
            + "if (!c) { return null; } var o = c.getOption(); return eval('o.' + arguments[1]);",
        chartId,
        path);
  }

  private static void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#trials tbody tr"));
  }

  /** The index of a column, read again while a redraw replaces the table. */
  private static int column(String header) {
    for (int attempt = 0; ; attempt++) {
      try {
        List<WebElement> ths = driver.findElements(By.cssSelector("#trials thead th"));
        for (int i = 0; i < ths.size(); i++) {
          if (ths.get(i).getText().trim().startsWith(header)) {
            return i;
          }
        }
        throw new AssertionError("no column " + header);
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  private static String cell(WebElement row, int column) {
    return row.findElements(By.tagName("td")).get(column).getText().trim();
  }

  /** Every visible chart container of the study view holds a canvas. */
  private static void everyChartDrawn() {
    until(
        "every visible chart has a canvas",
        () ->
            (Boolean)
                js(
                    "return [].slice.call(document.querySelectorAll('#view-study .card:not([hidden]) .chart'))"
                        + ".every(function (c) { return c.offsetParent === null || c.querySelector('canvas'); });"));
  }

  @Test
  @Order(1)
  void study_opensWithEveryChartAndSortsAndFiltersTheTable() throws Exception {
    open("study=branin");
    until("table rows", () -> rows().size() == 50);
    until(
        "history drawn", () -> driver.findElement(By.cssSelector("#chart-history canvas")) != null);
    everyChartDrawn();
    shot("01-study");

    click(By.cssSelector("th[data-sort='value:0']"));
    until(
        "sorted ascending",
        () ->
            driver
                .findElement(By.cssSelector("th[data-sort='value:0']"))
                .getAttribute("class")
                .contains("sorted-asc"));
    long id = storage.findStudy("branin").orElseThrow();
    double best =
        storage.trials(id, java.util.EnumSet.of(TrialState.COMPLETE)).stream()
            .mapToDouble(FrozenTrial::value)
            .min()
            .orElseThrow();
    int value = column("objective 0");
    until(
        "best first",
        () ->
            Math.abs(Double.parseDouble(cell(rows().get(0), value)) - best)
                < 1e-3 * Math.max(1, best));
    js("document.getElementById('card-trials').scrollIntoView()");
    shot("02-sorted-by-value");

    WebElement filter = driver.findElement(By.id("trial-filter"));
    filter.sendKeys("x < 0");
    int x = column("x");
    until(
        "filtered on x",
        () ->
            !rows().isEmpty()
                && rows().stream().allMatch(r -> Double.parseDouble(cell(r, x)) < 0)
                && driver
                    .findElement(By.id("trial-total"))
                    .getText()
                    .startsWith(String.valueOf(rows().size())));
    filter.clear();
    filter.sendKeys(" ");
    click(By.id("state-COMPLETE"));
    int state = column("state");
    until(
        "only failed trials",
        () -> !rows().isEmpty() && rows().stream().allMatch(r -> cell(r, state).equals("fail")));
    int reason = column("fail reason");
    until(
        "fail reasons in the table",
        () -> rows().stream().allMatch(r -> cell(r, reason).contains("x too large")));
    js("document.getElementById('card-trials').scrollIntoView()");
    shot("03-failed-only");
  }

  @Test
  @Order(2)
  void failedTrial_pageShowsItsReason_andTakesANote() throws Exception {
    String number = rows().get(0).getAttribute("data-number");
    click(By.cssSelector("#trials tbody tr[data-number='" + number + "']"));
    until("trial page", () -> driver.findElement(By.id("view-trial")).isDisplayed());
    WebElement reason = driver.findElement(By.id("trial-fail-reason"));
    until(
        "fail reason shown",
        () -> reason.isDisplayed() && reason.getText().contains("x too large"));
    assertEquals("trial " + number, driver.findElement(By.id("trial-title")).getText());

    String note = "fails for every x above 8: narrow the range";
    driver.findElement(By.id("trial-note-edit")).sendKeys(note);
    click(By.id("trial-note-save"));
    until(
        "note saved",
        () -> driver.findElement(By.id("trial-note-status")).getText().startsWith("saved"));
    assertEquals(note, driver.findElement(By.id("trial-note-text")).getText());
    long id = storage.findStudy("branin").orElseThrow();
    FrozenTrial t = storage.trials(id, null).get(Integer.parseInt(number));
    assertEquals(note, storage.studySystemAttrs(id).get("dashboard:" + t.id() + ":note_str:0"));
    shot("04-failed-trial-with-note");
  }

  @Test
  @Order(3)
  void study_noteAndLogScales() throws Exception {
    open("study=branin");
    until(
        "study view",
        () -> driver.findElement(By.id("view-study")).isDisplayed() && !rows().isEmpty());
    driver.findElement(By.id("study-note-edit")).sendKeys("random search baseline");
    click(By.id("study-note-save"));
    until(
        "study note saved",
        () -> driver.findElement(By.id("study-note-status")).getText().startsWith("saved"));
    assertEquals(
        "random search baseline",
        storage
            .studySystemAttrs(storage.findStudy("branin").orElseThrow())
            .get("dashboard:note_str:0"));

    assertEquals("value", option("chart-history", "yAxis[0].type"));
    click(By.id("log-history"));
    until("history on a log scale", () -> "log".equals(option("chart-history", "yAxis[0].type")));
    click(By.id("log-slice"));
    until("slice on a log scale", () -> "log".equals(option("chart-slice-0", "yAxis[0].type")));
    js("document.getElementById('card-history').scrollIntoView()");
    shot("05-log-scales");
  }

  @Test
  @Order(4)
  void multiObjective_eachPlotSwitchesObjectiveByName() throws Exception {
    open("study=mo");
    until(
        "mo drawn",
        () ->
            "mo".equals(driver.findElement(By.id("study-name")).getText())
                && "error".equals(option("chart-history", "yAxis[0].name")));
    Select history = new Select(driver.findElement(By.id("objective-history")));
    assertEquals(
        List.of("error (minimize)", "size (minimize)"),
        history.getOptions().stream().map(WebElement::getText).toList());
    history.selectByValue("1");
    until("history shows size", () -> "size".equals(option("chart-history", "yAxis[0].name")));
    new Select(driver.findElement(By.id("objective-parallel"))).selectByValue("1");
    until(
        "parallel shows size",
        () -> "size".equals(option("chart-parallel", "parallelAxis[0].name")));
    assertEquals(
        "error",
        option("chart-edf", "xAxis[0].name").toString().split(" ")[0],
        "other plots keep their own choice");
    everyChartDrawn();
    shot("06-multi-objective");
  }

  @Test
  @Order(5)
  void importances_thirtyParameters_everyBarNamedWithoutOverlap() throws Exception {
    open("study=wide");
    until(
        "wide drawn",
        () ->
            "wide".equals(driver.findElement(By.id("study-name")).getText())
                && option("chart-importance", "yAxis[0].data.length") != null);
    new Select(driver.findElement(By.id("objective-importance"))).selectByValue("1");
    until(
        "importance of objective 1",
        () -> option("chart-importance", "xAxis[0].name").toString().contains("objective 1"));
    assertEquals(30, ((Number) option("chart-importance", "yAxis[0].data.length")).intValue());
    assertEquals(
        0,
        ((Number) option("chart-importance", "yAxis[0].axisLabel.interval")).intValue(),
        "every label drawn");
    long height = (Long) js("return document.getElementById('chart-importance').clientHeight;");
    assertTrue(height >= 30 * 20, "20 px a bar at least, got " + height);
    assertEquals(
        "colsample_bylevel_0",
        ((String) option("chart-parallel", "parallelAxis[1].name")).replace("\n", ""),
        "the full name, wrapped");
    js("document.getElementById('card-importance').scrollIntoView()");
    shot("06b-thirty-parameters");
  }

  @Test
  @Order(6)
  void compare_twoStudies_overlaysHistoriesAndEdfs() throws Exception {
    open("compare=branin%0Abranin-b");
    until(
        "compare drawn",
        () -> {
          Object names =
              js(
                  "var c = echarts.getInstanceByDom(document.getElementById('chart-compare-history'));"
                      + "return c ? c.getOption().series.map(function (s) { return s.name; }).join(',') : null;");
          return "branin,branin-b".equals(names);
        });
    until(
        "edf overlaid",
        () -> ((Number) option("chart-compare-edf", "series.length")).intValue() == 2);
    assertTrue(driver.findElements(By.cssSelector("#compare-studies input:checked")).size() == 2);
    click(By.id("log-compare"));
    until(
        "compare on a log scale",
        () -> "log".equals(option("chart-compare-history", "yAxis[0].type")));
    shot("07-compare");
  }

  @Test
  @Order(7)
  void studyList_trialCountFollowsTheStudy() {
    open("study=live2");
    until(
        "live2 listed with 2",
        () ->
            driver
                .findElement(By.cssSelector("#study-select option[value='live2']"))
                .getText()
                .equals("live2 (2)"));
    live2.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 3);
    until(
        "live2 relabelled",
        () ->
            driver
                .findElement(By.cssSelector("#study-select option[value='live2']"))
                .getText()
                .equals("live2 (5)"));
  }

  @Test
  @Order(8)
  void report_allFailedStudy_showsReasonsAndNoEmptyPlots() throws Exception {
    Study s = Study.builder().name("all-failed").storage(storage).build();
    s.optimize(
        t -> {
          t.suggestFloat("lr", 1e-4, 1, true);
          throw new IllegalStateException("CUDA out of memory");
        },
        4);
    Path out = Path.of("target", "browser-reports", "all-failed.html").toAbsolutePath();
    Report.write(storage, "all-failed", out);
    driver.get(out.toUri().toString());
    until("banner", () -> driver.findElement(By.id("no-trials")).isDisplayed());
    assertTrue(
        driver.findElement(By.id("no-trials")).getText().contains("all 4 finished trials failed"));
    assertTrue(
        driver.findElements(By.cssSelector(".card.plot")).stream()
            .noneMatch(WebElement::isDisplayed));
    until("rows", () -> rows().size() == 4);
    until(
        "reasons",
        () ->
            rows().stream()
                .allMatch(r -> cell(r, column("fail reason")).contains("CUDA out of memory")));
    shot("08-report-all-failed");

    Path report = Path.of("target", "browser-reports", "branin.html").toAbsolutePath();
    Report.write(storage, "branin", report);
    driver.get(report.toUri().toString());
    until("report table", () -> rows().size() == 50);
    everyChartDrawn();
    click(By.id("state-COMPLETE"));
    until(
        "report filters",
        () -> rows().stream().allMatch(r -> cell(r, column("state")).equals("fail")));
    click(By.cssSelector("#trials tbody tr"));
    until(
        "report trial page",
        () -> driver.findElement(By.id("trial-fail-reason")).getText().contains("x too large"));
    shot("09-report-failed-trial");
  }

  @Test
  @Order(9)
  void bigStudy_pageDrawsEveryChart() throws Exception {
    Studies.sphere(storage, "big", 8, 20_000, 5);
    open("study=big");
    until(
        "big study",
        () ->
            "big".equals(driver.findElement(By.id("study-name")).getText()) && rows().size() == 50);
    everyChartDrawn();
    assertTrue(driver.findElement(By.id("note-history")).getText().contains("of 20000 trials"));
    js("window.scrollTo(0, 0)");
    shot("10-big-study");
  }
}
