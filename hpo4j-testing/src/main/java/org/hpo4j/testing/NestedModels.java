package org.hpo4j.testing;

import java.util.List;
import org.hpo4j.trial.Trial;

/**
 * A two-level conditional function, shaped like model selection: the model family chooses its
 * parameters, and within a family a second categorical chooses more (boosting's booster brings
 * dart's drop rates or gbtree's subsample; a linear model's penalty brings elastic net's stepped l1
 * ratio). Families: boosting (log-int estimators, int depth), linear (log C), k-NN (log-int k,
 * stepped Minkowski p, weighting). Minimum 0 at boosting with dart; gbtree 0.1, linear 0.2-0.3,
 * k-NN 0.35 above it.
 */
final class NestedModels implements BenchmarkFunction {
  @Override
  public String name() {
    return "nested_models";
  }

  @Override
  public double optimum() {
    return 0.0;
  }

  @Override
  public double evaluate(Trial trial) {
    String model = trial.suggestCategorical("model", List.of("boosting", "linear", "knn"));
    switch (model) {
      case "boosting" -> {
        long estimators = trial.suggestInt("n_estimators", 10, 1000, true);
        long depth = trial.suggestInt("max_depth", 1, 12);
        String booster = trial.suggestCategorical("booster", List.of("gbtree", "dart"));
        double f = Bowl.log(2, estimators, 100, 10, 1000) + Bowl.lin(1, depth, 6, 1, 12);
        if (booster.equals("dart")) {
          double drop = trial.suggestFloat("rate_drop", 0, 0.5);
          double skip = trial.suggestFloat("skip_drop", 0, 1, 0.1);
          return f + Bowl.lin(2, drop, 0.1, 0, 0.5) + Bowl.lin(1, skip, 0.5, 0, 1);
        }
        double subsample = trial.suggestFloat("subsample", 0.5, 1);
        return 0.1 + f + Bowl.lin(2, subsample, 0.8, 0.5, 1);
      }
      case "linear" -> {
        double c = trial.suggestFloat("C", 1e-4, 1e4, true);
        String penalty = trial.suggestCategorical("penalty", List.of("l1", "l2", "elasticnet"));
        double f = Bowl.log(2, c, 1, 1e-4, 1e4);
        return switch (penalty) {
          case "l1" -> 0.3 + f;
          case "l2" -> 0.25 + f;
          default -> 0.2 + f + Bowl.lin(1, trial.suggestFloat("l1_ratio", 0, 1, 0.05), 0.5, 0, 1);
        };
      }
      default -> {
        long k = trial.suggestInt("k", 1, 256, true);
        double p = trial.suggestFloat("p", 1, 3, 0.5);
        String weights = trial.suggestCategorical("weights", List.of("uniform", "distance"));
        return 0.35
            + Bowl.log(2, k, 16, 1, 256)
            + Bowl.lin(1, p, 2, 1, 3)
            + (weights.equals("distance") ? 0 : 0.1);
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
