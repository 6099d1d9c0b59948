package org.hpo4j.ml.cnn;

import java.util.Map;
import org.hpo4j.ml.space.SearchSpace;

/**
 * The default CNN search space: the seed paper's two-block CNN (kernel, stride, channels, pooling
 * type and size per block, fully connected width, batch size, optimizer, learning rate) plus a
 * block type, each type with its own parameters. Conditional parameters: {@code momentum} only with
 * {@code sgd}; {@code beta1}, {@code beta2} only with {@code adam}; {@code bottleneck_ratio} only
 * with {@code bottleneck}; {@code expansion} only with {@code inverted_residual}.
 *
 * <p>Ranges are kept where a few epochs on the shipped image sets train stably: one learning-rate
 * range serves both optimizers (3e-4 to 3e-2), and batches stay small enough for many steps per
 * epoch on 1,000 to 6,000 training images.
 *
 * <p>{@code lr_schedule} is fixed at {@code constant} unless a study overrides it: {@code cosine}
 * anneals the learning rate from its drawn value to 0 over all the updates of a training (the
 * epochs times the batches per epoch, so a refit on more rows anneals over more updates), which
 * lets the last epochs settle instead of ending wherever the last constant-rate step left the
 * weights. Fixed by default so that studies written before it draw the same parameters.
 */
public final class CnnSpace {
  private CnnSpace() {}

  /** The default space; override per study with {@link SearchSpace#withOverrides}. */
  public static SearchSpace defaults() {
    SearchSpace.Builder b =
        SearchSpace.builder()
            .stringChoice("block_type", "plain", "bottleneck", "inverted_residual");
    for (int i = 1; i <= 2; i++) {
      b.intChoice("conv" + i + "_kernel", 3L, 5L)
          .intChoice("conv" + i + "_stride", 1L, 2L)
          .intRange("conv" + i + "_channels", 8, 64, true)
          .stringChoice("pool" + i + "_type", "max", "avg")
          .intChoice("pool" + i + "_size", 1L, 2L, 3L);
    }
    return b.intChoice("bottleneck_ratio", 2L, 4L)
        .intRange("expansion", 2, 6, false)
        .intRange("fc_units", 32, 512, true)
        .floatRange("dropout", 0.0, 0.5, false)
        .intChoice("batch_size", 16L, 32L, 64L, 128L)
        .stringChoice("optimizer", "sgd", "adam")
        .floatRange("learning_rate", 3e-4, 3e-2, true)
        .floatRange("momentum", 0.0, 0.95, false)
        .floatRange("beta1", 0.8, 0.99, false)
        .floatRange("beta2", 0.9, 0.9999, false)
        .stringChoice("lr_schedule", "constant", "cosine")
        .build()
        .withOverrides(Map.of("lr_schedule", "constant"));
  }
}
