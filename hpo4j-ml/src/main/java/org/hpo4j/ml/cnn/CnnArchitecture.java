package org.hpo4j.ml.cnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.Trial;

/**
 * Builds the two-block CNN of one trial from its drawn parameters.
 *
 * <p>Each block is a convolution stage of the chosen type, then pooling:
 *
 * <ul>
 *   <li>{@code plain}: k x k convolution (stride s) -> batch norm -> ReLU;
 *   <li>{@code bottleneck} (ResNet): 1x1 to {@code C/ratio} -> k x k (stride s) -> 1x1 to {@code
 *       C}, each with batch norm, plus a shortcut (identity, or 1x1 projection when the shape
 *       changes), then ReLU;
 *   <li>{@code inverted_residual} (MobileNetV2): 1x1 expansion to {@code expansion * max(in, 8)} ->
 *       depthwise k x k (stride s) -> linear 1x1 projection to {@code C}, with an identity shortcut
 *       when stride is 1 and channels match.
 * </ul>
 *
 * Convolutions use "same" padding {@code k/2}. A pool larger than the feature map is shrunk to it,
 * so every drawn configuration yields a valid network. The head is flatten -> dropout -> dense
 * ({@code fc_units}) -> ReLU -> dropout -> dense (classes).
 *
 * <p>Stateless; each call builds a fresh, uninitialised block.
 */
final class CnnArchitecture {
  private CnnArchitecture() {}

  /** A built network and a one-line description of it. */
  record Network(Block block, String summary) {}

  static Network build(SearchSpace space, Trial s, int channels, int side, int classes) {
    String type = space.suggestString(s, "block_type");
    int ratio = type.equals("bottleneck") ? space.suggestInt(s, "bottleneck_ratio") : 0;
    int expansion = type.equals("inverted_residual") ? space.suggestInt(s, "expansion") : 0;
    SequentialBlock net = new SequentialBlock();
    List<String> parts = new ArrayList<>();
    int in = channels;
    int size = side;
    for (int i = 1; i <= 2; i++) {
      int k = space.suggestInt(s, "conv" + i + "_kernel");
      int stride = space.suggestInt(s, "conv" + i + "_stride");
      int out = space.suggestInt(s, "conv" + i + "_channels");
      String poolType = space.suggestString(s, "pool" + i + "_type");
      int pool = space.suggestInt(s, "pool" + i + "_size");
      net.add(
          switch (type) {
            case "plain" -> plain(k, stride, out);
            case "bottleneck" -> bottleneck(in, k, stride, out, ratio);
            default -> invertedResidual(in, k, stride, out, expansion);
          });
      size = (size - 1) / stride + 1;
      int p = Math.min(pool, size);
      if (p > 1) {
        Shape ps = new Shape(p, p);
        net.add(poolType.equals("max") ? Pool.maxPool2dBlock(ps, ps) : Pool.avgPool2dBlock(ps, ps));
        size = (size - p) / p + 1;
      }
      parts.add(String.format("%s k%d s%d c%d %s%d", type, k, stride, out, poolType, p));
      in = out;
    }
    int fc = space.suggestInt(s, "fc_units");
    float dropout = (float) space.suggestDouble(s, "dropout");
    net.add(Blocks.batchFlattenBlock());
    if (dropout > 0) {
      net.add(Dropout.builder().optRate(dropout).build());
    }
    net.add(Linear.builder().setUnits(fc).build()).add(Activation.reluBlock());
    if (dropout > 0) {
      net.add(Dropout.builder().optRate(dropout).build());
    }
    net.add(Linear.builder().setUnits(classes).build());
    parts.add("fc" + fc);
    return new Network(net, String.join(" | ", parts) + " (map " + size + "x" + size + ")");
  }

  private static Block conv(int k, int stride, int out, int groups) {
    return Conv2d.builder()
        .setKernelShape(new Shape(k, k))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(k / 2, k / 2))
        .setFilters(out)
        .optGroups(groups)
        .optBias(false)
        .build();
  }

  private static SequentialBlock convBn(int k, int stride, int out, int groups) {
    return new SequentialBlock().add(conv(k, stride, out, groups)).add(BatchNorm.builder().build());
  }

  private static Block plain(int k, int stride, int out) {
    return convBn(k, stride, out, 1).add(Activation.reluBlock());
  }

  private static Block bottleneck(int in, int k, int stride, int out, int ratio) {
    int mid = Math.max(1, out / ratio);
    SequentialBlock main =
        convBn(1, 1, mid, 1)
            .add(Activation.reluBlock())
            .add(convBn(k, stride, mid, 1))
            .add(Activation.reluBlock())
            .add(convBn(1, 1, out, 1));
    Block shortcut = in == out && stride == 1 ? Blocks.identityBlock() : convBn(1, stride, out, 1);
    return new SequentialBlock().add(residual(main, shortcut)).add(Activation.reluBlock());
  }

  private static Block invertedResidual(int in, int k, int stride, int out, int expansion) {
    int hidden = expansion * Math.max(in, 8);
    SequentialBlock main =
        convBn(1, 1, hidden, 1)
            .add(Activation.reluBlock())
            .add(convBn(k, stride, hidden, hidden))
            .add(Activation.reluBlock())
            .add(convBn(1, 1, out, 1));
    return in == out && stride == 1 ? residual(main, Blocks.identityBlock()) : main;
  }

  private static Block residual(Block main, Block shortcut) {
    return new ParallelBlock(
        outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
        List.of(main, shortcut));
  }
}
