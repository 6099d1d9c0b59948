package org.hpo4j.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The agent's network: a linear input embedding, a stack of LSTM layers and a linear output
 * embedding, run one step at a time with analytic backpropagation through time.
 *
 * <p>Notation. D: input size (2, or 3 with {@code feedSample}); E: embedding size (2); H: hidden
 * units per layer (35); L: layers (3). At step t: x_t (D) -> e_t = Win x_t + bin (E) -> layer l
 * gates a = W_l in + U_l h_{l,t-1} + b_l (4H, order i, f, g, o), i/f/o sigmoid, g tanh, c = f
 * c_prev + i g, h = o tanh(c) -> y_t = Wout h_{L,t} + bout (2). All parameters live in one flat
 * array {@link #params()} with the same layout in {@link #grads()}, so the optimizer and the
 * gradient check see one vector.
 *
 * <p>Why hand-written: through DJL with the PyTorch engine one 5-step episode of this network costs
 * ~4.5 ms forward and ~15 ms forward+backward+Adam (measured on this machine); this class costs a
 * few hundredths of a millisecond, and the agent runs thousands of episodes.
 *
 * <p>Not thread-safe: the owner serialises access.
 */
final class AgentNetwork {
  private final int inputDim;
  private final int embedDim;
  private final int hidden;
  private final int layers;
  private final double[] params;
  private final double[] grads;
  // offsets into params
  private final int offWin;
  private final int offBin;
  private final int[] offW;
  private final int[] offU;
  private final int[] offB;
  private final int heads;
  private final int offWout;
  private final int offBout;

  AgentNetwork(
      int inputDim, int embedDim, int hidden, int layers, double initialSigmaBias, long seed) {
    this(inputDim, embedDim, hidden, layers, 1, initialSigmaBias, seed);
  }

  /**
   * @param heads how many output embeddings: 1 = one shared by every step (the spec's); more = one
   *     per step t (steps from {@code heads - 1} on share the last), as in NAS controllers
   */
  AgentNetwork(
      int inputDim,
      int embedDim,
      int hidden,
      int layers,
      int heads,
      double initialSigmaBias,
      long seed) {
    if (inputDim < 1 || embedDim < 1 || hidden < 1 || layers < 1 || heads < 1) {
      throw new IllegalArgumentException(
          "inputDim, embedDim, hidden, layers and heads must be >= 1, but got "
              + inputDim
              + ", "
              + embedDim
              + ", "
              + hidden
              + ", "
              + layers
              + ", "
              + heads);
    }
    this.heads = heads;
    this.inputDim = inputDim;
    this.embedDim = embedDim;
    this.hidden = hidden;
    this.layers = layers;
    int off = 0;
    offWin = off;
    off += embedDim * inputDim;
    offBin = off;
    off += embedDim;
    offW = new int[layers];
    offU = new int[layers];
    offB = new int[layers];
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? embedDim : hidden;
      offW[l] = off;
      off += 4 * hidden * in;
      offU[l] = off;
      off += 4 * hidden * hidden;
      offB[l] = off;
      off += 4 * hidden;
    }
    offWout = off;
    off += 2 * hidden * heads;
    offBout = off;
    off += 2 * heads;
    params = new double[off];
    grads = new double[off];
    initialise(initialSigmaBias, new SplittableRandom(seed));
  }

  private void initialise(double sigmaBias, SplittableRandom rng) {
    double kIn = 1.0 / Math.sqrt(inputDim);
    for (int k = offWin; k < offBin + embedDim; k++) {
      params[k] = uniform(rng, kIn);
    }
    double kH = 1.0 / Math.sqrt(hidden);
    for (int k = offW[0]; k < offWout; k++) {
      params[k] = uniform(rng, kH);
    }
    // small output layer: the first policy is near mean 0 and the chosen sigma
    for (int k = offWout; k < offBout; k++) {
      params[k] = 0.1 * uniform(rng, kH);
    }
    for (int t = 0; t < heads; t++) {
      params[offBout + 2 * t] = 0.0;
      params[offBout + 2 * t + 1] = sigmaBias;
    }
  }

  int heads() {
    return heads;
  }

  /** The output embedding step t uses. */
  private int head(int t) {
    return Math.min(t, heads - 1);
  }

  private static double uniform(SplittableRandom rng, double bound) {
    return (2.0 * rng.nextDouble() - 1.0) * bound;
  }

  int inputDim() {
    return inputDim;
  }

  /** The flat parameter vector (live; writes change the network). */
  double[] params() {
    return params;
  }

  /** The flat gradient vector, same layout as {@link #params()} (live). */
  double[] grads() {
    return grads;
  }

  void zeroGrads() {
    java.util.Arrays.fill(grads, 0.0);
  }

  /** Copies another network's parameters into this one; both must have the same shape. */
  void copyParamsFrom(AgentNetwork other) {
    if (other.params.length != params.length) {
      throw new IllegalArgumentException(
          "networks differ in size: " + other.params.length + " vs " + params.length);
    }
    System.arraycopy(other.params, 0, params, 0, params.length);
  }

  /** Starts a fresh episode: zero hidden and cell states, empty cache. */
  Trace newTrace() {
    return new Trace(false);
  }

  /**
   * @param independent true: every step starts from zero states, as if it were the first, so the
   *     steps differ only by their output embeddings (the one-step agent of the ablation)
   */
  Trace newTrace(boolean independent) {
    return new Trace(independent);
  }

  /** Runs one step. x: a D-vector. Returns the 2-vector y_t = (mu_t, z_t) (a new array). */
  double[] step(Trace trace, double[] x) {
    if (x.length != inputDim) {
      throw new IllegalArgumentException(
          "input length must be " + inputDim + ", but got " + x.length);
    }
    StepCache s = new StepCache(layers, hidden, embedDim);
    s.x = x.clone();
    for (int j = 0; j < embedDim; j++) {
      double v = params[offBin + j];
      for (int k = 0; k < inputDim; k++) {
        v += params[offWin + j * inputDim + k] * x[k];
      }
      s.e[j] = v;
    }
    double[] in = s.e;
    for (int l = 0; l < layers; l++) {
      double[] hPrev = trace.independent ? new double[hidden] : trace.h[l];
      double[] cPrev = trace.independent ? new double[hidden] : trace.c[l];
      s.hPrev[l] = hPrev;
      s.cPrev[l] = cPrev;
      s.in[l] = in;
      int nIn = in.length;
      double[] gates = s.gates[l];
      for (int r = 0; r < 4 * hidden; r++) {
        gates[r] =
            params[offB[l] + r]
                + Vec.dot(params, offW[l] + r * nIn, in, 0, nIn)
                + Vec.dot(params, offU[l] + r * hidden, hPrev, 0, hidden);
      }
      double[] c = new double[hidden];
      double[] h = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        double ig = sigmoid(gates[j]);
        double fg = sigmoid(gates[hidden + j]);
        double gg = Math.tanh(gates[2 * hidden + j]);
        double og = sigmoid(gates[3 * hidden + j]);
        gates[j] = ig;
        gates[hidden + j] = fg;
        gates[2 * hidden + j] = gg;
        gates[3 * hidden + j] = og;
        c[j] = fg * cPrev[j] + ig * gg;
        h[j] = og * Math.tanh(c[j]);
      }
      s.c[l] = c;
      s.h[l] = h;
      trace.h[l] = h;
      trace.c[l] = c;
      in = h;
    }
    double[] y = new double[2];
    int hd = head(trace.steps.size());
    for (int j = 0; j < 2; j++) {
      y[j] =
          params[offBout + 2 * hd + j]
              + Vec.dot(params, offWout + (2 * hd + j) * hidden, in, 0, hidden);
    }
    trace.steps.add(s);
    return y;
  }

  /**
   * Backpropagates through the whole trace and adds to {@link #grads()}. dy: T x 2, the loss
   * gradient with respect to each step's output y_t. Inputs x_t are treated as constants.
   */
  void backward(Trace trace, double[][] dy) {
    int steps = trace.steps.size();
    if (dy.length != steps) {
      throw new IllegalArgumentException(
          "dy must have one row per step (" + steps + "), but got " + dy.length);
    }
    double[][] dhNext = new double[layers][hidden];
    double[][] dcNext = new double[layers][hidden];
    double[] da = new double[4 * hidden];
    for (int t = steps - 1; t >= 0; t--) {
      if (trace.independent) {
        dhNext = new double[layers][hidden];
        dcNext = new double[layers][hidden];
      }
      StepCache s = trace.steps.get(t);
      double[] top = s.h[layers - 1];
      double[] dIn = new double[hidden];
      int hd = head(t);
      for (int j = 0; j < 2; j++) {
        double g = dy[t][j];
        if (g == 0.0) {
          continue;
        }
        grads[offBout + 2 * hd + j] += g;
        int w = offWout + (2 * hd + j) * hidden;
        for (int k = 0; k < hidden; k++) {
          grads[w + k] += g * top[k];
          dIn[k] += g * params[w + k];
        }
      }
      for (int l = layers - 1; l >= 0; l--) {
        double[] gates = s.gates[l];
        double[] c = s.c[l];
        double[] cPrev = s.cPrev[l];
        double[] dh = dhNext[l];
        double[] dc = dcNext[l];
        for (int j = 0; j < hidden; j++) {
          double ig = gates[j];
          double fg = gates[hidden + j];
          double gg = gates[2 * hidden + j];
          double og = gates[3 * hidden + j];
          double dhj = dIn[j] + dh[j];
          double tc = Math.tanh(c[j]);
          double dcj = dhj * og * (1.0 - tc * tc) + dc[j];
          da[j] = dcj * gg * ig * (1.0 - ig);
          da[hidden + j] = dcj * cPrev[j] * fg * (1.0 - fg);
          da[2 * hidden + j] = dcj * ig * (1.0 - gg * gg);
          da[3 * hidden + j] = dhj * tc * og * (1.0 - og);
          dc[j] = dcj * fg; // becomes dc for step t-1
        }
        double[] in = s.in[l];
        double[] hPrev = s.hPrev[l];
        int nIn = in.length;
        double[] dx = new double[nIn];
        double[] dhPrev = new double[hidden];
        for (int r = 0; r < 4 * hidden; r++) {
          double g = da[r];
          if (g == 0.0) {
            continue;
          }
          grads[offB[l] + r] += g;
          int w = offW[l] + r * nIn;
          Vec.axpy(g, in, 0, grads, w, nIn);
          Vec.axpy(g, params, w, dx, 0, nIn);
          int u = offU[l] + r * hidden;
          Vec.axpy(g, hPrev, 0, grads, u, hidden);
          Vec.axpy(g, params, u, dhPrev, 0, hidden);
        }
        dhNext[l] = dhPrev;
        dIn = dx;
      }
      // dIn is now dL/de_t
      for (int j = 0; j < embedDim; j++) {
        double g = dIn[j];
        grads[offBin + j] += g;
        for (int k = 0; k < inputDim; k++) {
          grads[offWin + j * inputDim + k] += g * s.x[k];
        }
      }
    }
  }

  private static double sigmoid(double a) {
    return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
  }

  /** The running state of one episode: hidden and cell vectors and the per-step cache. */
  final class Trace {
    private final double[][] h = new double[layers][hidden];
    private final double[][] c = new double[layers][hidden];
    private final List<StepCache> steps = new ArrayList<>();
    private final boolean independent;

    private Trace(boolean independent) {
      this.independent = independent;
    }

    int length() {
      return steps.size();
    }
  }

  private static final class StepCache {
    double[] x;
    final double[] e;
    final double[][] in;
    final double[][] hPrev;
    final double[][] cPrev;
    final double[][] gates;
    final double[][] c;
    final double[][] h;

    StepCache(int layers, int hidden, int embedDim) {
      e = new double[embedDim];
      in = new double[layers][];
      hPrev = new double[layers][];
      cPrev = new double[layers][];
      gates = new double[layers][4 * hidden];
      c = new double[layers][];
      h = new double[layers][];
    }
  }
}
