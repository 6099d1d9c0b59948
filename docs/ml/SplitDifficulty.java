import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.Splits;
import org.hpo4j.ml.data.TargetColumn;
import org.hpo4j.ml.xgboost.XGBoostObjective;
import org.hpo4j.ml.xgboost.XGBoostSettings;
import org.hpo4j.ml.xgboost.XGBoostSpace;

/**
 * How hard is the held-out split of each seed? Trains untuned XGBoost (max_depth 6, eta 0.3, 100
 * rounds) on the 80% and scores the 20% the study of that seed holds out, for seeds 0-9, with the
 * 5-fold CV accuracy of the same model on the 80% beside it. Used in docs/ml/xgboost.md to tell a
 * hard split from a refit bug. Then the same for untuned gblinear (eta 0.5, up to 200 rounds,
 * lambda 1e-3, 1e-2 and 0.1 per row, on features standardized by the training rows), refitted by
 * XGBoostObjective.holdout for the CV's early-stopped round count: is a split hard for linear
 * models too? Run from the repository root after ./hpo has built the jars:
 *
 * <pre>
 * java -cp "hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*" docs/ml/SplitDifficulty.java data/breast_cancer.csv
 * </pre>
 */
public class SplitDifficulty {
  public static void main(String[] args) throws Exception {
    Dataset d = CsvLoader.load(Path.of(args[0]), TargetColumn.auto(), null);
    Map<String, Object> p = new HashMap<>();
    p.put("max_depth", 6);
    p.put("eta", 0.3);
    p.put("nthread", 1);
    p.put("verbosity", 0);
    p.put("tree_method", "hist");
    if (d.classCount() == 2) {
      p.put("objective", "binary:logistic");
    } else {
      p.put("objective", "multi:softprob");
      p.put("num_class", d.classCount());
    }
    double sum = 0;
    for (int seed = 0; seed < 10; seed++) {
      Splits.TrainValidTest split = Splits.trainValidTest(d, 0.0, 0.2, seed);
      double test = accuracy(d, p, split.train(), split.test());
      double cv = 0;
      for (Splits.Fold f : Splits.stratifiedKFold(d, split.train(), 5, seed)) {
        cv += accuracy(d, p, f.train(), f.valid()) / 5;
      }
      sum += test;
      System.out.printf("seed %d: untuned XGBoost test accuracy %.4f on %d rows, 5-fold CV %.4f%n",
          seed, test, split.test().length, cv);
    }
    System.out.printf("mean test accuracy over seeds 0-9: %.4f%n", sum / 10);
    for (double lambda : new double[] {1e-3, 1e-2, 0.1}) {
      StringBuilder line = new StringBuilder();
      double total = 0;
      for (int seed = 0; seed < 10; seed++) {
        XGBoostObjective o = new XGBoostObjective(d, XGBoostSpace.withBooster(),
            new XGBoostSettings(Metric.ACCURACY, 5, 0.2, 20, 10, 1, seed));
        double test = o.holdout(Map.of("booster", "gblinear", "learning_rate", 0.5,
            "n_estimators", 200, "linear_reg_alpha", 1e-8, "linear_reg_lambda", lambda,
            "feature_selector", "cyclic")).test();
        total += test;
        line.append(String.format(" s%d %.3f", seed, test));
      }
      System.out.printf("untuned gblinear, lambda %s: mean %.4f;%s%n", lambda, total / 10, line);
    }
  }

  private static double accuracy(Dataset d, Map<String, Object> p, int[] train, int[] test)
      throws Exception {
    DMatrix a = matrix(d, train);
    DMatrix b = matrix(d, test);
    Booster booster = XGBoost.train(a, p, 100, new HashMap<>(), null, null);
    try {
      return Metric.ACCURACY.score(booster.predict(b), d.targets(test));
    } finally {
      booster.dispose();
      a.dispose();
      b.dispose();
    }
  }

  private static DMatrix matrix(Dataset d, int[] rows) throws Exception {
    DMatrix m = new DMatrix(d.features(rows), rows.length, d.cols(), Float.NaN);
    m.setLabel(d.targets(rows));
    return m;
  }
}
