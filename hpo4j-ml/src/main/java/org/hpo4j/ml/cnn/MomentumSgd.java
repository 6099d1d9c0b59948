package org.hpo4j.ml.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with heavy-ball momentum, written with plain tensor operations:
 * {@code v <- momentum * v + g; w <- w - lr * v}.
 *
 * <p>Why not DJL's {@code Sgd}: on the PyTorch engine (0.36.0) its fused momentum update gave
 * results that changed from one run to the next inside one JVM and then diverged to NaN for
 * residual networks; this version is deterministic. One instance serves one trainer; not
 * thread-safe (DJL calls {@link #update} from the training thread).
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
      weight.subi(grad.mul(learningRate));
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
    weight.subi(v.mul(learningRate));
  }
}
