package org.hpo4j.testing;

import java.util.List;
import org.hpo4j.trial.Trial;

/**
 * A conditional function with two independent categorical roots, like a training recipe: the data
 * augmentation (none; mixup's alpha; cutmix's stepped probability and log beta; RandAugment's int
 * op count and magnitude) and the learning-rate schedule (step decay's log-int period and stepped
 * factor; cosine's int warm-up and log floor; plateau's int patience and factor), beside a shared
 * log-int epoch count and label smoothing. Minimum 0 at RandAugment with cosine; other branches are
 * 0.05-0.3 above theirs.
 */
final class TrainingRecipe implements BenchmarkFunction {
  @Override
  public String name() {
    return "training_recipe";
  }

  @Override
  public double optimum() {
    return 0.0;
  }

  @Override
  public double evaluate(Trial trial) {
    long epochs = trial.suggestInt("epochs", 10, 300, true);
    double smoothing = trial.suggestFloat("label_smoothing", 0, 0.3);
    double f = Bowl.log(1, epochs, 100, 10, 300) + Bowl.lin(1, smoothing, 0.1, 0, 0.3);
    String augment =
        trial.suggestCategorical("augment", List.of("none", "mixup", "cutmix", "randaugment"));
    f +=
        switch (augment) {
          case "none" -> 0.3;
          case "mixup" -> 0.1 + Bowl.lin(2, trial.suggestFloat("mixup_alpha", 0, 1), 0.2, 0, 1);
          case "cutmix" ->
              0.05
                  + Bowl.lin(1, trial.suggestFloat("cutmix_prob", 0, 1, 0.1), 0.5, 0, 1)
                  + Bowl.log(2, trial.suggestFloat("cutmix_beta", 0.1, 10, true), 1, 0.1, 10);
          default ->
              Bowl.lin(1, trial.suggestInt("ra_ops", 1, 5), 2, 1, 5)
                  + Bowl.lin(2, trial.suggestInt("ra_magnitude", 1, 30), 9, 1, 30);
        };
    String schedule = trial.suggestCategorical("schedule", List.of("step", "cosine", "plateau"));
    f +=
        switch (schedule) {
          case "step" ->
              0.1
                  + Bowl.log(2, trial.suggestInt("step_every", 1, 100, true), 30, 1, 100)
                  + Bowl.lin(1, trial.suggestFloat("step_gamma", 0.05, 0.5, 0.05), 0.1, 0.05, 0.5);
          case "cosine" ->
              Bowl.lin(1, trial.suggestInt("warmup", 0, 20), 5, 0, 20)
                  + Bowl.log(
                      2, trial.suggestFloat("min_lr_ratio", 1e-4, 1e-1, true), 1e-2, 1e-4, 1e-1);
          default ->
              0.05
                  + Bowl.lin(1, trial.suggestInt("patience", 1, 20), 5, 1, 20)
                  + Bowl.lin(2, trial.suggestFloat("factor", 0.1, 0.9), 0.5, 0.1, 0.9);
        };
    return f;
  }

  @Override
  public String toString() {
    return name();
  }
}
