package org.hpo4j.testing;

import java.util.List;
import org.hpo4j.trial.Trial;

/**
 * A NAS-like conditional function: a module type chooses its own parameters (a plain convolution's
 * odd kernel size, log-scale channel count and dropout; a bottleneck's log-scale width, stepped
 * reduction ratio and group count; an inverted residual's expansion, log-scale channels and stepped
 * squeeze-excitation ratio), beside a shared log learning rate and depth whose best values depend
 * on the module. Minimum 0 in the inverted-residual branch; the others are 0.1 and 0.3 above it.
 *
 * <p>With {@code constrained}, two constraints (&lt;= 0 feasible): depth at most 12 (latency) and a
 * module-specific memory budget (conv channels &lt;= 256, bottleneck width &lt;= 128, expansion
 * &lt;= 4), which excludes the unconstrained optimum; the constrained minimum is in the bottleneck
 * branch.
 */
final class NasCell implements BenchmarkFunction {
  static final List<String> BLOCKS = List.of("conv", "bottleneck", "inverted_residual");

  /**
   * Constrained minimum: bottleneck at width 128 instead of 256 (log-distance 1/6 of the range,
   * weight 2).
   */
  static final double CONSTRAINED_OPTIMUM = 0.1 + 2.0 / 36.0;

  private final boolean constrained;

  NasCell(boolean constrained) {
    this.constrained = constrained;
  }

  @Override
  public String name() {
    return constrained ? "nas_latency" : "nas_cell";
  }

  @Override
  public double optimum() {
    return constrained ? CONSTRAINED_OPTIMUM : 0.0;
  }

  @Override
  public double evaluate(Trial trial) {
    String block = trial.suggestCategorical("block", BLOCKS);
    double lr = trial.suggestFloat("lr", 1e-4, 1, true);
    long layers = trial.suggestInt("layers", 2, 20);
    double f;
    double lrOpt;
    double layersOpt;
    double memory;
    switch (block) {
      case "conv" -> {
        long kernel = trial.suggestInt("conv_kernel", 1, 7, 2);
        long channels = trial.suggestInt("conv_channels", 8, 512, true);
        double dropout = trial.suggestFloat("conv_dropout", 0, 0.5);
        f =
            0.3
                + Bowl.lin(1, kernel, 3, 1, 7)
                + Bowl.log(2, channels, 64, 8, 512)
                + Bowl.lin(1, dropout, 0.2, 0, 0.5);
        lrOpt = 1e-2;
        layersOpt = 8;
        memory = channels / 256.0 - 1;
      }
      case "bottleneck" -> {
        long width = trial.suggestInt("bn_width", 16, 1024, true);
        double ratio = trial.suggestFloat("bn_ratio", 0.1, 0.5, 0.05);
        long groups = trial.suggestInt("bn_groups", 1, 8);
        f =
            0.1
                + Bowl.log(2, width, 256, 16, 1024)
                + Bowl.lin(1, ratio, 0.25, 0.1, 0.5)
                + Bowl.lin(1, groups, 4, 1, 8);
        lrOpt = Math.pow(10, -1.5);
        layersOpt = 12;
        memory = Math.log(width / 128.0) / Math.log(2);
      }
      default -> {
        double expand = trial.suggestFloat("ir_expand", 1, 8);
        long channels = trial.suggestInt("ir_channels", 8, 256, true);
        double se = trial.suggestFloat("ir_se", 0, 1, 0.25);
        f =
            Bowl.lin(2, expand, 6, 1, 8)
                + Bowl.log(2, channels, 32, 8, 256)
                + Bowl.lin(1, se, 0.25, 0, 1);
        lrOpt = Math.pow(10, -2.5);
        layersOpt = 16;
        memory = expand - 4;
      }
    }
    f += Bowl.log(2, lr, lrOpt, 1e-4, 1) + Bowl.lin(1, layers, layersOpt, 2, 20);
    if (constrained) {
      trial.setConstraints(layers - 12.0, memory);
    }
    return f;
  }

  @Override
  public String toString() {
    return name();
  }
}
