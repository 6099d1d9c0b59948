package org.hpo4j.sampler.cmaes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CMA-ES runs of a study, replayed from its COMPLETE trials: consecutive blocks of lambda
 * trials (in completion order) are the generations. Kept as a cache by {@link CmaEsSampler} and
 * extended as trials finish; {@link #fits} tells when the history changed so it must be rebuilt.
 *
 * <p>Not thread-safe: used under the sampler's lock.
 */
final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  /** Starts a new run after a stagnating one; null keeps the old run. */
  interface Restarter {
    CmaState restart(CmaState old, Distribution[] dims, int index, String why);
  }

  private final List<String> names;
  private final Distribution[] dims;
  private final List<Long> sourceIds;
  private final List<Long> consumed = new ArrayList<>();
  private CmaState state;
  private int restartCount;

  Replay(List<String> names, Distribution[] dims, List<FrozenTrial> sources, CmaState initial) {
    this.names = List.copyOf(names);
    this.dims = dims.clone();
    this.sourceIds = ids(sources);
    this.state = initial;
  }

  CmaState state() {
    return state;
  }

  /**
   * @return whether this replay is a prefix of the history given by these arguments
   */
  boolean fits(
      List<String> otherNames,
      Distribution[] otherDims,
      List<FrozenTrial> sources,
      List<FrozenTrial> members) {
    if (!names.equals(otherNames)
        || !Arrays.equals(dims, otherDims)
        || !sourceIds.equals(ids(sources))
        || members.size() < consumed.size()) {
      return false;
    }
    for (int i = 0; i < consumed.size(); i++) {
      if (members.get(i).id() != consumed.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Tells the state every full generation of {@code members} not yet consumed. */
  void advance(
      List<FrozenTrial> members, StudyDirection direction, Restarter restarter, long seed) {
    while (members.size() - consumed.size() >= state.lambda) {
      List<FrozenTrial> generation =
          members.subList(consumed.size(), consumed.size() + state.lambda);
      double[][] xs = new double[state.lambda][];
      double[] losses = new double[state.lambda];
      for (int k = 0; k < state.lambda; k++) {
        FrozenTrial t = generation.get(k);
        xs[k] = point(t, seed);
        double loss = direction.asLoss(t.value());
        losses[k] =
            Double.isNaN(loss)
                ? Double.MAX_VALUE
                : Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, loss));
        consumed.add(t.id());
      }
      boolean ok = state.tell(xs, losses);
      Optional<String> why =
          ok ? state.stagnation() : Optional.of("the covariance lost positive definiteness");
      if (ok) {
        Margin.apply(state, dims);
      }
      if (why.isPresent()) {
        CmaState next = restarter.restart(state, dims, ++restartCount, why.get());
        if (next != null) {
          state = next;
        } else if (!ok) {
          LOG.warn("cmaes: " + why.get() + "; restarting from the centre with the same population");
          double[] center = new double[dims.length];
          Arrays.fill(center, 0.5);
          state = new CmaState(center, 0.2, null, state.lambda, state.separable, state.active);
          Margin.apply(state, dims);
        }
      }
    }
  }

  /**
   * The point behind a trial in the unit cube: the exact continuous sample when the current state
   * regenerates the trial's values from its seeded stream (so integer coordinates keep their
   * position inside the bin), else the unit position of the stored values.
   */
  private double[] point(FrozenTrial t, long seed) {
    double[] x = state.sample(SeededStreams.of(seed, t.number()));
    boolean same = true;
    for (int i = 0; i < dims.length && same; i++) {
      same = dims[i].snap(dims[i].fromUnit(x[i])) == t.internalParams().get(names.get(i));
    }
    if (same) {
      return x;
    }
    double[] u = new double[dims.length];
    for (int i = 0; i < dims.length; i++) {
      u[i] = dims[i].toUnit(t.internalParams().get(names.get(i)));
    }
    return u;
  }

  /**
   * @return whether {@code t} has every parameter of the space with the same distribution
   */
  static boolean usable(FrozenTrial t, List<String> names, Distribution[] dims) {
    for (int i = 0; i < dims.length; i++) {
      if (!dims[i].equals(t.distributions().get(names.get(i))) || t.values().size() != 1) {
        return false;
      }
    }
    return true;
  }

  /** COMPLETE trials by completion time, then number: an order that only grows at its end. */
  static List<FrozenTrial> completedInOrder(StudyView study) {
    List<FrozenTrial> done = new ArrayList<>(study.completeTrials());
    done.sort(
        Comparator.comparing((FrozenTrial t) -> t.complete() == null ? Instant.MAX : t.complete())
            .thenComparingInt(FrozenTrial::number));
    return done;
  }

  private static List<Long> ids(List<FrozenTrial> trials) {
    List<Long> out = new ArrayList<>();
    trials.forEach(t -> out.add(t.id()));
    return out;
  }
}
