package org.hpo4j.ml.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with heavy-ball momentum, written with plain tensor operations:
 * {@code v <- momentum * v + g; w <- w - lr * v}.
 *
 * <p>Why not DJL's {@code Sgd}: on the PyTorch engine (0.36.0), repeated runs of one residual
 * configuration with its fused momentum update differed inside one JVM and then diverged to NaN;
 * with this version they were identical. (An intermittent NaN was later seen with Adam too inside
 * surefire, so the root cause may lie deeper; see {@code CnnObjectiveTest}.) One instance serves
 * one trainer; not thread-safe (DJL calls {@link #update} from the training thread).
 */
final class MomentumSgd extends Optimizer {
  private final float learningRate;
  private final float momentum;
  private final Map<String, NDArray> velocity = new HashMap<>();

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }

  MomentumSgd(float learningRate, float momentum) {
    super(new Builder());
    this.learningRate = learningRate;
    this.momentum = momentum;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    if (momentum == 0f) {
      try (NDArray step = grad.mul(learningRate)) {
        weight.subi(step);
      }
      return;
    }
    NDArray v = velocity.get(parameterId);
    if (v == null) {
      v = grad.duplicate();
      v.detach();
      velocity.put(parameterId, v);
      weight.getManager().attachInternal(parameterId + ":velocity", v);
    } else {
      v.muli(momentum).addi(grad);
    }
    try (NDArray step = v.mul(learningRate)) {
      weight.subi(step);
    }
  }
}
