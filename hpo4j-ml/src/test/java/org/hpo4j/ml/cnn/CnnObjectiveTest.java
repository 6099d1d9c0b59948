package org.hpo4j.ml.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.ReplayingTrial;
import org.hpo4j.ml.TestData;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.TrialPrunedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each training runs in a child JVM, as in a study. Tests that train are tagged {@value #TRAINING}
 * so that {@code -DexcludedGroups=djl-training} can leave them out; the default build runs them
 * (about 40 s). Before the child's heap was filled on allocation ({@link CnnProcess}), the larger
 * network below got NaN gradients in its first batch in about a quarter of fresh processes.
 */
class CnnObjectiveTest {
  static final String TRAINING = "djl-training";
  private static Dataset digits;

  /** A tiny, fast network; the block type and optimizer stay free. */
  private static final Map<String, Object> TINY =
      Map.of(
          "conv1_channels",
          8,
          "conv2_channels",
          8,
          "fc_units",
          32,
          "batch_size",
          16,
          "learning_rate",
          0.003,
          "conv1_kernel",
          3,
          "conv2_kernel",
          3,
          "expansion",
          2);

  @BeforeAll
  static void load() throws IOException {
    digits = CsvLoader.load(TestData.path("digits.csv"));
  }

  private static CnnObjective tiny(int epochs) {
    return new CnnObjective(
        digits,
        CnnSpace.defaults().withOverrides(TINY),
        new CnnSettings(epochs, 0.2, 0.2, 400, 1, 1, 7));
  }

  /** {@link #tiny} with batches of 64 and learning rate 0.01. */
  private static CnnObjective wider(int epochs) {
    Map<String, Object> overrides = new HashMap<>(TINY);
    overrides.putAll(Map.of("batch_size", 64, "learning_rate", 0.01));
    return new CnnObjective(
        digits,
        CnnSpace.defaults().withOverrides(overrides),
        new CnnSettings(epochs, 0.2, 0.2, 400, 1, 1, 7));
  }

  private static Map<String, Object> params(String block, String optimizer) {
    Map<String, Object> p = new HashMap<>(TINY);
    p.putAll(
        Map.of(
            "block_type",
            block,
            "bottleneck_ratio",
            2,
            "conv1_stride",
            1,
            "conv2_stride",
            1,
            "pool1_type",
            "max",
            "pool1_size",
            2,
            "pool2_type",
            "avg",
            "pool2_size",
            2,
            "dropout",
            0.0,
            "optimizer",
            optimizer));
    p.putAll(Map.of("momentum", 0.9, "beta1", 0.9, "beta2", 0.999));
    return p;
  }

  @Test
  @Tag(TRAINING)
  void evaluate_digitsPlainAdam_learnsAndReportsEachEpoch() {
    var s = new ReplayingTrial(params("plain", "adam"));
    double acc = tiny(2).evaluate(s);
    assertTrue(acc > 0.5, "accuracy " + acc);
    assertEquals(2, s.reports.size());
    assertEquals(acc, s.reports.get(1)[1], 0.0);
    assertTrue((Long) s.attrs.get("param_count") > 1000);
  }

  /**
   * Several networks one after another, as in a study: each block type with each optimizer must
   * learn (above twice chance, 0.1). Trained in one JVM, bottleneck networks intermittently got NaN
   * gradients, and SGD learned nothing while gradients were never reset.
   */
  @Test
  @Tag(TRAINING)
  void evaluate_eachBlockTypeInTurn_learns() {
    CnnObjective o = tiny(2);
    for (String[] c :
        new String[][] {
          {"bottleneck", "adam"},
          {"inverted_residual", "sgd"},
          {"plain", "sgd"},
          {"bottleneck", "sgd"}
        }) {
      var s = new ReplayingTrial(params(c[0], c[1]));
      double acc = o.evaluate(s);
      assertTrue(acc > 0.2, c[0] + "/" + c[1] + " accuracy " + acc);
      assertEquals(2, s.reports.size());
      assertTrue(String.valueOf(s.attrs.get("network")).startsWith(c[0]));
    }
  }

  @Test
  @Tag(TRAINING)
  void evaluate_prunedAfterFirstEpoch_stopsTheTrainingProcess() {
    var s = new ReplayingTrial(params("plain", "adam"), 1);
    assertThrows(TrialPrunedException.class, () -> wider(3).evaluate(s));
    assertEquals(1, s.reports.size());
  }

  @Test
  @Tag(TRAINING)
  void evaluate_conditionalParams_onlyAskedWhenActive() {
    var s = new ReplayingTrial(params("plain", "sgd"));
    tiny(1).evaluate(s);
    assertEquals("sgd", s.params.get("optimizer"));
    assertFalse(s.params.containsKey("beta1"));
    assertFalse(s.params.containsKey("bottleneck_ratio"));
  }

  @Test
  @Tag(TRAINING)
  void evaluateWithSize_largerNetwork_moreParameters() {
    Map<String, Object> big = params("plain", "adam");
    big.put("fc_units", 256);
    Map<String, Object> overrides = new HashMap<>(TINY);
    overrides.remove("fc_units");
    var o =
        new CnnObjective(
            digits,
            CnnSpace.defaults().withOverrides(overrides),
            new CnnSettings(1, 0.2, 0.2, 200, 1, 1, 7));
    double[] small = o.evaluateWithSize(new ReplayingTrial(params("plain", "adam")));
    double[] large = o.evaluateWithSize(new ReplayingTrial(big));
    assertTrue(large[1] > small[1], large[1] + " vs " + small[1]);
  }

  @Test
  @Tag(TRAINING)
  void evaluate_stridesAndPoolsExceedImage_stillBuilds() {
    Map<String, Object> p = params("plain", "adam");
    p.putAll(Map.of("conv1_stride", 2, "conv2_stride", 2, "pool1_size", 3, "pool2_size", 3));
    var s = new ReplayingTrial(p);
    tiny(1).evaluate(s);
    assertTrue(
        String.valueOf(s.attrs.get("network")).endsWith("(map 1x1)"),
        String.valueOf(s.attrs.get("network")));
  }

  @Test
  @Tag(TRAINING)
  void holdout_refitsOnTrainAndValid_scoresTest() {
    HoldoutScore h = wider(1).holdout(params("plain", "adam"));
    assertEquals(359, h.testRows(), 1);
    assertEquals(digits.rows() - h.testRows(), h.trainRows());
    assertTrue(h.test() > 0.3, "test accuracy " + h.test());
  }

  @Test
  void constructor_nonSquareFeatures_throws() throws IOException {
    Dataset iris = CsvLoader.load(TestData.path("wine.csv"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CnnObjective(iris, CnnSpace.defaults(), CnnSettings.defaults(1)));
    assertTrue(e.getMessage().contains("13 features"), e.getMessage());
  }

  @Test
  void space_overrideOptimizerToUnknown_throwsListingAllowed() {
    SearchSpace space = CnnSpace.defaults();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> space.withOverrides(Map.of("optimizer", "rmsprop")));
    assertTrue(e.getMessage().contains("[sgd, adam]"), e.getMessage());
  }
}
