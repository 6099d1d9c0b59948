package org.hpo4j.testing;

import java.util.List;
import org.hpo4j.trial.Trial;

/**
 * An optimizer-like conditional function: the optimizer chooses its own parameters (SGD's log
 * learning rate, momentum and a Nesterov switch; Adam's log learning rate, two betas and a log
 * epsilon; Adagrad's log learning rate and stepped initial accumulator; L-BFGS's log-int history
 * and stepped iteration count), beside a shared log-int batch size and log weight decay whose best
 * values depend on the optimizer. Minimum 0 with Adam; SGD 0.05, Adagrad 0.15, L-BFGS 0.25 above
 * it.
 *
 * <p>With {@code constrained}, one memory constraint (&lt;= 0 feasible): batch size times the
 * optimizer's state factor (SGD 1, Adam 4, Adagrad 2, L-BFGS history / 5) at most 128, which halves
 * every optimizer's best batch; the constrained minimum is Adam at batch 32.
 */
final class OptimizerTune implements BenchmarkFunction {
  static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adagrad", "lbfgs");

  /**
   * Constrained minimum: Adam at batch 32 instead of 64 (log-distance 1/6 of the range, weight 1).
   */
  static final double CONSTRAINED_OPTIMUM = 1.0 / 36.0;

  private final boolean constrained;

  OptimizerTune(boolean constrained) {
    this.constrained = constrained;
  }

  @Override
  public String name() {
    return constrained ? "optimizer_memory" : "optimizer_tune";
  }

  @Override
  public double optimum() {
    return constrained ? CONSTRAINED_OPTIMUM : 0.0;
  }

  @Override
  public double evaluate(Trial trial) {
    String optimizer = trial.suggestCategorical("optimizer", OPTIMIZERS);
    long batch = trial.suggestInt("batch_size", 16, 1024, true);
    double decay = trial.suggestFloat("weight_decay", 1e-6, 1e-1, true);
    double f;
    double batchOpt;
    double decayOpt;
    double factor;
    switch (optimizer) {
      case "sgd" -> {
        double lr = trial.suggestFloat("sgd_lr", 1e-4, 1, true);
        double momentum = trial.suggestFloat("momentum", 0, 0.99);
        String nesterov = trial.suggestCategorical("nesterov", List.of("false", "true"));
        f =
            0.05
                + Bowl.log(2, lr, 0.1, 1e-4, 1)
                + Bowl.lin(2, momentum, 0.9, 0, 0.99)
                + (nesterov.equals("true") ? 0 : 0.05);
        batchOpt = 256;
        decayOpt = 1e-4;
        factor = 1;
      }
      case "adam" -> {
        double lr = trial.suggestFloat("adam_lr", 1e-5, 1e-1, true);
        double beta1 = trial.suggestFloat("beta1", 0.5, 0.999);
        double beta2 = trial.suggestFloat("beta2", 0.9, 0.9999);
        double eps = trial.suggestFloat("eps", 1e-10, 1e-4, true);
        f =
            Bowl.log(2, lr, 1e-3, 1e-5, 1e-1)
                + Bowl.lin(1, beta1, 0.9, 0.5, 0.999)
                + Bowl.lin(1, beta2, 0.999, 0.9, 0.9999)
                + Bowl.log(0.5, eps, 1e-8, 1e-10, 1e-4);
        batchOpt = 64;
        decayOpt = 1e-5;
        factor = 4;
      }
      case "adagrad" -> {
        double lr = trial.suggestFloat("adagrad_lr", 1e-4, 1, true);
        double acc = trial.suggestFloat("init_acc", 0, 1, 0.1);
        f = 0.15 + Bowl.log(2, lr, 1e-2, 1e-4, 1) + Bowl.lin(1, acc, 0.1, 0, 1);
        batchOpt = 128;
        decayOpt = 1e-3;
        factor = 2;
      }
      default -> {
        long history = trial.suggestInt("history", 3, 100, true);
        long iters = trial.suggestInt("max_iter", 5, 50, 5);
        f = 0.25 + Bowl.log(1, history, 10, 3, 100) + Bowl.lin(1, iters, 20, 5, 50);
        batchOpt = 1024;
        decayOpt = 1e-6;
        factor = history / 5.0;
      }
    }
    f += Bowl.log(1, batch, batchOpt, 16, 1024) + Bowl.log(1, decay, decayOpt, 1e-6, 1e-1);
    if (constrained) {
      trial.setConstraints(Math.log(batch * factor / 128.0) / Math.log(2));
    }
    return f;
  }

  @Override
  public String toString() {
    return name();
  }
}
