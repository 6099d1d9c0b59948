package org.hpo4j.sampler.moo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpo4j.math.pareto.CrowdingDistance;
import org.hpo4j.math.pareto.NonDominatedSort;
import org.hpo4j.trial.FrozenTrial;

/**
 * Elitist survival of NSGA-II: from parents and offspring together, keep whole fronts (constrained
 * ranks: feasible before infeasible) while they fit, then fill the rest with the members of the
 * next front that the {@link Niching} rule prefers. Each survivor keeps its rank and a diversity
 * score for the binary tournament.
 *
 * <p>Stateless and thread-safe.
 */
final class Survival {
  private Survival() {}

  /** One evaluated individual: a trial's loss vector, total violation, rank and diversity score. */
  record Member(FrozenTrial trial, double[] loss, double violation, int rank, double diversity) {
    Member withScores(int newRank, double newDiversity) {
      return new Member(trial, loss, violation, newRank, newDiversity);
    }

    int number() {
      return trial.number();
    }
  }

  /** Chooses {@code k} members of the critical front and scores the survivors. */
  interface Niching {
    /**
     * @param kept the members already kept (whole better fronts)
     * @param front the front that does not fit
     * @param k how many of {@code front} to keep, 0 &lt; k &lt; front.size()
     * @return the chosen members with their diversity score
     */
    List<Member> choose(List<Member> kept, List<Member> front, int k);

    /**
     * @return the diversity scores of a whole front that fits
     */
    double[] scores(List<Member> front);
  }

  /** NSGA-II's rule: the largest crowding distance first; ties by trial number. */
  static final Niching CROWDING =
      new Niching() {
        @Override
        public List<Member> choose(List<Member> kept, List<Member> front, int k) {
          double[] d = scores(front);
          List<Member> scored = new ArrayList<>();
          for (int i = 0; i < front.size(); i++) {
            scored.add(front.get(i).withScores(front.get(i).rank(), d[i]));
          }
          scored.sort(
              Comparator.comparingDouble(Member::diversity)
                  .reversed()
                  .thenComparingInt(Member::number));
          return new ArrayList<>(scored.subList(0, k));
        }

        @Override
        public double[] scores(List<Member> front) {
          double[][] f = new double[front.size()][];
          for (int i = 0; i < f.length; i++) {
            f[i] = front.get(i).loss();
          }
          return CrowdingDistance.of(f);
        }
      };

  /**
   * @param pool parents and offspring
   * @param size how many survive
   * @return the survivors (all of {@code pool} when it is not larger), ranked and scored
   */
  static List<Member> select(List<Member> pool, int size, Niching niching) {
    double[][] losses = new double[pool.size()][];
    double[] violations = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      losses[i] = pool.get(i).loss();
      violations[i] = pool.get(i).violation();
    }
    int[] ranks = NonDominatedSort.ranks(losses, violations);
    List<Member> kept = new ArrayList<>();
    for (int[] idx : NonDominatedSort.fronts(ranks)) {
      List<Member> front = new ArrayList<>();
      for (int i : idx) {
        front.add(pool.get(i).withScores(ranks[i], 0));
      }
      if (kept.size() + front.size() <= size) {
        double[] s = niching.scores(front);
        for (int i = 0; i < front.size(); i++) {
          kept.add(front.get(i).withScores(front.get(i).rank(), s[i]));
        }
        if (kept.size() == size) {
          break;
        }
      } else {
        kept.addAll(niching.choose(kept, front, size - kept.size()));
        break;
      }
    }
    return kept;
  }

  /**
   * @return whether member {@code a} wins a binary tournament against {@code b} (ties: a)
   */
  static boolean beats(Member a, Member b) {
    if (a.rank() != b.rank()) {
      return a.rank() < b.rank();
    }
    return !(b.diversity() > a.diversity());
  }
}
