package org.hpo4j.rl;

import java.util.List;
import java.util.Optional;
import org.hpo4j.gp.GpRegression;

/**
 * The reward model F of a model phase, fitted on the real data set D, with the spec's held-out
 * guard: fit on 80% of D, score R^2 on the other 20%, and refuse (empty) when R^2 &lt; 0, that is
 * when F predicts worse than the held-out mean. For the GP, R^2 is taken in its standardised warped
 * loss units and the model used is refitted on all of D. With {@code optimism} kappa &gt; 0 the
 * GP's reward is -(mean - kappa sd), a lower confidence bound of the loss [ours].
 *
 * <p>Immutable after fitting.
 */
interface Surrogate {

  /**
   * @return the predicted reward of an episode, higher is better
   */
  double reward(Episode ep);

  /** A fitted surrogate, or none, with the guard's held-out R^2. */
  record Fit(Optional<Surrogate> model, double heldOutR2) {}

  /**
   * @param episodes the real episodes of D
   * @param losses their losses (lower is better)
   * @param targets the MLP's targets in [0, 1] (higher is better)
   * @param hold which indices of D are held out by the guard
   * @param k the number of steps an input has
   */
  static Fit fit(
      RewardModelKind kind,
      StepSpace space,
      List<Episode> episodes,
      double[] losses,
      double[] targets,
      boolean[] hold,
      int k,
      int mlpEpochs,
      double optimism,
      long seed) {
    return kind == RewardModelKind.GP
        ? gp(space, episodes, losses, hold, k, optimism, seed)
        : mlp(episodes, targets, hold, k, mlpEpochs, seed);
  }

  private static Fit mlp(
      List<Episode> episodes, double[] targets, boolean[] hold, int k, int epochs, long seed) {
    int m = episodes.size();
    int h = count(hold);
    double[][] xTrain = new double[m - h][];
    double[] yTrain = new double[m - h];
    double[][] xHold = new double[h][];
    double[] yHold = new double[h];
    int a = 0;
    int b = 0;
    for (int i = 0; i < m; i++) {
      double[] x = episodes.get(i).actionVector(k);
      if (hold[i]) {
        xHold[b] = x;
        yHold[b++] = targets[i];
      } else {
        xTrain[a] = x;
        yTrain[a++] = targets[i];
      }
    }
    RewardModel f = RewardModel.fit(xTrain, yTrain, epochs, seed);
    double r2 = f.rSquared(xHold, yHold);
    if (!(r2 >= 0.0)) {
      return new Fit(Optional.empty(), r2);
    }
    return new Fit(Optional.of(ep -> f.predict(ep.actionVector(k))), r2);
  }

  private static Fit gp(
      StepSpace space,
      List<Episode> episodes,
      double[] losses,
      boolean[] hold,
      int k,
      double optimism,
      long seed) {
    int m = episodes.size();
    int h = count(hold);
    boolean[] categorical = space.categorical(k);
    double[][] x = new double[m][];
    for (int i = 0; i < m; i++) {
      x[i] = space.encode(episodes.get(i), k);
    }
    double[][] xTrain = new double[m - h][];
    double[] yTrain = new double[m - h];
    int a = 0;
    for (int i = 0; i < m; i++) {
      if (!hold[i]) {
        xTrain[a] = x[i];
        yTrain[a++] = losses[i];
      }
    }
    Optional<GpRegression> train = GpRegression.fit(xTrain, yTrain, categorical, seed);
    if (train.isEmpty()) {
      return new Fit(Optional.empty(), Double.NaN);
    }
    double mean = 0.0;
    for (int i = 0; i < m; i++) {
      if (hold[i]) {
        mean += train.get().standardise(losses[i]) / h;
      }
    }
    double sse = 0.0;
    double sst = 0.0;
    for (int i = 0; i < m; i++) {
      if (hold[i]) {
        double y = train.get().standardise(losses[i]);
        double d = y - train.get().mean(x[i]);
        sse += d * d;
        sst += (y - mean) * (y - mean);
      }
    }
    double r2 = sst == 0.0 ? (sse == 0.0 ? 1.0 : Double.NEGATIVE_INFINITY) : 1.0 - sse / sst;
    if (!(r2 >= 0.0)) {
      return new Fit(Optional.empty(), r2);
    }
    Optional<GpRegression> all = GpRegression.fit(x, losses, categorical, seed + 1);
    if (all.isEmpty()) {
      return new Fit(Optional.empty(), r2);
    }
    GpRegression g = all.get();
    if (optimism == 0.0) {
      return new Fit(Optional.of(ep -> -g.mean(space.encode(ep, k))), r2);
    }
    return new Fit(
        Optional.of(
            ep -> {
              double[] point = space.encode(ep, k);
              return -g.mean(point) + optimism * g.sd(point);
            }),
        r2);
  }

  private static int count(boolean[] b) {
    int c = 0;
    for (boolean v : b) {
      c += v ? 1 : 0;
    }
    return c;
  }
}
