package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Fits the GP of a {@link GpSampler} to the COMPLETE trials of a study: encodes them, warps and
 * standardises the losses, chooses the hyperparameters (warm-started from the previous fit) and
 * factors the Gram matrix, reusing the previous factor when only trials were added and the
 * hyperparameters were kept. Its fields are caches only.
 *
 * <p>Not thread-safe: the sampler calls it under its lock.
 */
final class ModelFitter {
  private static final Logger LOG = Logger.getLogger(ModelFitter.class.getName());

  /** Up to this many trials the hyperparameters are refitted at every suggest. */
  static final int REFIT_EVERY_TRIAL_UP_TO = 200;
  /** Beyond that, they are refitted once the data grew by this factor, and the factor is extended in between. */
  static final double REFIT_GROWTH = 1.1;
  /** Hyperparameters are fitted on at most this many trials (the best half and an even spread of the rest). */
  static final int FIT_SUBSAMPLE = 200;

  private final long seed;
  private final int nStartupTrials;
  private List<Object> cacheKey = List.of();
  private double[] warmTheta;
  private int thetaFitN;
  private int fits;
  private GpModel lastModel;

  ModelFitter(long seed, int nStartupTrials) {
    this.seed = seed;
    this.nStartupTrials = nStartupTrials;
  }

  /** The GP fitted to the complete trials, in standardised units. */
  record Fitted(SpaceEncoding encoding, GpModel model, OutputWarp warp, double yMean, double ySd,
      double best, double[][] incumbents, int trials) {}

  /** @return whether the first rows of {@code x} are exactly {@code prefix} */
  private static boolean startsWith(double[][] x, double[][] prefix) {
    if (prefix.length > x.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!java.util.Arrays.equals(x[i], prefix[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows the hyperparameters are fitted on: all of them up to {@link #FIT_SUBSAMPLE}, else the
   * best half of that many and the rest spread evenly over the others (deterministic).
   */
  private static int[] fitRows(double[] y, Integer[] order) {
    int n = y.length;
    if (n <= FIT_SUBSAMPLE) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int best = FIT_SUBSAMPLE / 2;
    int[] rows = new int[FIT_SUBSAMPLE];
    for (int i = 0; i < best; i++) {
      rows[i] = order[i];
    }
    int rest = FIT_SUBSAMPLE - best;
    for (int i = 0; i < rest; i++) {
      rows[best + i] = order[best + (int) ((long) i * (n - best) / rest)];
    }
    return rows;
  }

  Fitted fit(StudyView study, Map<String, Distribution> space, boolean updateCache) {
    SpaceEncoding encoding = new SpaceEncoding(space);
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (FrozenTrial t : study.completeTrials()) {
      double[] u = t.values().size() == 1 && Double.isFinite(t.values().get(0)) ? encoding.encode(t.internalParams()) : null;
      if (u != null) {
        xs.add(u);
        ys.add(study.direction().asLoss(t.value()));
      }
    }
    int n = xs.size();
    if (n < Math.max(1, nStartupTrials)) {
      return null;
    }
    OutputWarp warp = OutputWarp.fit(ys.stream().mapToDouble(Double::doubleValue).toArray());
    ys.replaceAll(warp::apply);
    double mean = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double var = ys.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / n;
    double sd = var > 1e-300 ? Math.sqrt(var) : 1.0;
    double[][] x = xs.toArray(new double[0][]);
    double[] y = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      y[i] = (ys.get(i) - mean) / sd;
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
    double[][] incumbents = new double[Math.min(3, n)][];
    for (int i = 0; i < incumbents.length; i++) {
      incumbents[i] = x[order[i]];
    }
    boolean[] categorical = encoding.categorical();
    List<Object> key = List.of(encoding.names(), List.copyOf(space.values()));
    boolean sameSpace = key.equals(cacheKey);
    double[] warmStart = sameSpace ? warmTheta : null;
    GpModel previous = sameSpace ? lastModel : null;
    if (!sameSpace && updateCache) {
      cacheKey = key;
      warmTheta = null;
      lastModel = null;
    }
    boolean refit = warmStart == null || n <= REFIT_EVERY_TRIAL_UP_TO || n >= REFIT_GROWTH * thetaFitN;
    double[] theta = warmStart;
    if (refit) {
      SplittableRandom rng = SeededStreams.of(seed, n, "gp-hyperparameters");
      boolean warm = warmStart != null;
      int[] rows = fitRows(y, order);
      double[][] fx = new double[rows.length][];
      double[] fy = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        fx[i] = x[rows[i]];
        fy[i] = y[rows[i]];
      }
      theta = HyperparameterFit.fit(categorical, fx, fy, warmStart, warm && fits % 5 != 0 ? 0 : 1,
          warm ? 50 : 200, rng);
    }
    Kernel kernel = new Kernel(categorical, theta);
    Optional<GpModel> model = Optional.empty();
    if (!refit && previous != null && startsWith(x, previous.inputs())) {
      model = previous.extend(x, y);
    }
    if (model.isEmpty()) {
      model = GpModel.fit(kernel, x, y);
    }
    if (model.isEmpty()) {
      LOG.log(Level.WARNING, "GP could not be fitted on {0} trials of study ''{1}''; sampling at random",
          new Object[] {n, study.name()});
      return null;
    }
    if (updateCache) {
      if (refit) {
        warmTheta = theta;
        thetaFitN = n;
        fits++;
      }
      lastModel = model.get();
    }
    return new Fitted(encoding, model.get(), warp, mean, sd, y[order[0]], incumbents, n);
  }

}
