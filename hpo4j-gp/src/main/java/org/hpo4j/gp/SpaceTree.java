package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;

/**
 * The tree of a define-by-run space, read off the trials: which parameters every trial has, and for
 * every other one the categorical <em>parent</em> whose values decide whether it exists. A
 * parameter p has parent c when every trial with p has c, the values of c in trials with p never
 * occur in trials with c but without p, and some trial has c without p (so the relation is strict
 * and the tree has no cycles). Among several such c, the one present in the fewest trials (the
 * deepest) wins. A parameter with no such parent (one added to the space mid-study, say) is
 * conditional without a parent: absent in old trials, always proposed.
 *
 * <p>When a parameter's distribution changed between trials, the most recent one is kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param space every parameter of the trials except single-valued ones, by name (sorted)
 * @param conditions for each conditional parameter, its condition (a parentless one has parent
 *     null)
 */
record SpaceTree(Map<String, Distribution> space, Map<String, Condition> conditions) {

  /**
   * @param parent the name of the categorical parameter, or null
   * @param values the parent's internal values (category indices) under which the child exists
   */
  record Condition(String parent, Set<Double> values) {}

  /**
   * @return the tree of these trials (they should be COMPLETE); empty space for no trials
   */
  static SpaceTree infer(List<FrozenTrial> trials) {
    Map<String, Distribution> space = new TreeMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (FrozenTrial t : trials) {
      for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
        space.put(e.getKey(), e.getValue());
        count.merge(e.getKey(), 1, Integer::sum);
      }
    }
    space.values().removeIf(Distribution::isSingle);
    Map<String, Condition> conditions = new HashMap<>();
    for (String p : space.keySet()) {
      if (count.get(p) == trials.size()) {
        continue;
      }
      String bestParent = null;
      Set<Double> bestValues = null;
      for (String c : space.keySet()) {
        if (c.equals(p)
            || !(space.get(c) instanceof CategoricalDistribution)
            || count.get(c) >= (bestParent == null ? Integer.MAX_VALUE : count.get(bestParent))) {
          continue;
        }
        Set<Double> values = valuesUnderChild(trials, p, c, space.get(c));
        if (values != null) {
          bestParent = c;
          bestValues = values;
        }
      }
      conditions.put(
          p, new Condition(bestParent, bestValues == null ? Set.of() : Set.copyOf(bestValues)));
    }
    return new SpaceTree(space, Map.copyOf(conditions));
  }

  /**
   * @return the values of c in trials with p when c is a parent of p (see the class comment), else
   *     null
   */
  private static Set<Double> valuesUnderChild(
      List<FrozenTrial> trials, String p, String c, Distribution cd) {
    Set<Double> values = new HashSet<>();
    for (FrozenTrial t : trials) {
      if (t.internalParams().containsKey(p)) {
        Double v = internal(t, c, cd);
        if (v == null) {
          return null;
        }
        values.add(v);
      }
    }
    boolean strict = false;
    for (FrozenTrial t : trials) {
      if (!t.internalParams().containsKey(p)) {
        Double v = internal(t, c, cd);
        if (v != null) {
          if (values.contains(v)) {
            return null;
          }
          strict = true;
        }
      }
    }
    return strict ? values : null;
  }

  /**
   * @return the trial's value of c as an index of the kept distribution {@code cd}, or null when
   *     absent or unknown there
   */
  static Double internal(FrozenTrial t, String name, Distribution kept) {
    Double v = t.internalParams().get(name);
    if (v == null) {
      return null;
    }
    Distribution own = t.distributions().get(name);
    if (own == null || own.equals(kept)) {
      return v;
    }
    if (own instanceof CategoricalDistribution oc && kept instanceof CategoricalDistribution kc) {
      int i = kc.choices().indexOf(oc.choices().get((int) Math.round(v)));
      return i < 0 ? null : (double) i;
    }
    if (own instanceof CategoricalDistribution || kept instanceof CategoricalDistribution) {
      return null;
    }
    return v;
  }

  /**
   * @return the parameters in an order where every parent comes before its children
   */
  List<String> topologicalOrder() {
    List<String> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String p : space.keySet()) {
      visit(p, out, done);
    }
    return out;
  }

  private void visit(String p, List<String> out, Set<String> done) {
    if (done.contains(p)) {
      return;
    }
    done.add(p);
    Condition c = conditions.get(p);
    if (c != null && c.parent() != null) {
      visit(c.parent(), out, done);
    }
    out.add(p);
  }
}
