package org.hpo4j.testing;

import java.util.List;
import org.hpo4j.trial.Trial;

/**
 * The HPO-shaped function of the suite: an optimizer choice whose own parameter exists only when it
 * is chosen (beta1 for adam, momentum for sgd, none for rmsprop), a log-scale learning rate, an
 * integer depth and a categorical activation. Minimum 0 at adam, lr = 10^-2.5, beta1 = 0.9, depth =
 * 6, relu.
 */
final class MixedConditional implements BenchmarkFunction {
  private static final List<String> OPTIMIZERS = List.of("adam", "sgd", "rmsprop");
  private static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid");

  @Override
  public String name() {
    return "mixed_conditional";
  }

  @Override
  public double optimum() {
    return 0;
  }

  @Override
  public double evaluate(Trial trial) {
    String optimizer = trial.suggestCategorical("optimizer", OPTIMIZERS);
    double lr = trial.suggestFloat("lr", 1e-5, 1, true);
    long depth = trial.suggestInt("depth", 1, 12);
    String activation = trial.suggestCategorical("activation", ACTIVATIONS);
    double l = Math.log10(lr);
    double base =
        switch (optimizer) {
          case "adam" -> {
            double beta1 = trial.suggestFloat("beta1", 0.5, 0.999);
            yield (l + 2.5) * (l + 2.5) + 30 * (beta1 - 0.9) * (beta1 - 0.9);
          }
          case "sgd" -> {
            double momentum = trial.suggestFloat("momentum", 0, 0.99);
            yield (l + 1.5) * (l + 1.5) + 5 * (momentum - 0.85) * (momentum - 0.85) + 0.05;
          }
          default -> (l + 3) * (l + 3) + 0.2;
        };
    double pen =
        switch (activation) {
          case "relu" -> 0;
          case "tanh" -> 0.15;
          default -> 0.4;
        };
    return base + 0.02 * (depth - 6) * (depth - 6) + pen;
  }

  @Override
  public String toString() {
    return name();
  }
}
