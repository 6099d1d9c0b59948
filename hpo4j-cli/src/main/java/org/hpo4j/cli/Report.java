package org.hpo4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/** Prints what a user wants to see at the end of a run: the best trial, or the Pareto front. */
final class Report {
  /** Rows of the closing table of the best trials. */
  static final int TOP = 10;

  private Report() {}

  static void printBest(Study study, PrintWriter out) {
    List<FrozenTrial> all = study.trials();
    long complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
    long failed = all.stream().filter(t -> t.state() == TrialState.FAIL).count();
    out.printf(
        Locale.ROOT, "trials: %d complete, %d pruned, %d failed%n", complete, pruned, failed);
    if (complete == 0) {
      out.println("no trial completed; see the failures above (fail_reason)");
      out.flush();
      return;
    }
    if (study.isMultiObjective()) {
      out.printf("Pareto front (%s):%n", study.directions());
      for (FrozenTrial t : study.bestTrials()) {
        out.printf(
            Locale.ROOT,
            "  trial %d: values %s  params %s%n",
            t.number(),
            t.values(),
            format(t.params()));
      }
    } else {
      FrozenTrial best = study.best();
      TopTrials.print(TopTrials.top(all, study.directions().get(0), TOP), "value", out);
      out.printf(Locale.ROOT, "best trial %d: value %.6g%n", best.number(), best.value());
      out.printf(
          "  params %s%n",
          best.params().isEmpty()
              ? "(none tuned: the study file fixes them all)"
              : format(best.params()));
    }
    out.flush();
  }

  /**
   * Prints the best parameters as a YAML {@code space:} block that pins them when pasted under a
   * model objective's {@code objective:} section.
   */
  static void printBestYaml(Study study, PrintWriter out) {
    if (study.isMultiObjective()
        || study.bestTrial().isEmpty()
        || study.best().internalParams().isEmpty()) {
      return;
    }
    out.println("best parameters as YAML (under 'objective:' they pin this configuration):");
    for (String line : BestParamsYaml.spaceBlock(study.best().params()).split("\n")) {
      out.println("  " + line);
    }
    out.flush();
  }

  static String format(Map<String, Object> params) {
    StringBuilder b = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k)
              .append('=')
              .append(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v);
        });
    return b.toString();
  }
}
