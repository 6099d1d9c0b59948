package org.hpo4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hpo4j.ml.ConfiguredObjective;
import org.hpo4j.ml.ObjectiveFactory;
import org.hpo4j.options.OptionReader;
import org.hpo4j.study.MultiObjective;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.BenchmarkFunctions;
import org.hpo4j.testing.MultiObjectiveFunction;
import org.hpo4j.testing.MultiObjectiveFunctions;

/**
 * Turns the {@code objective} section of a study file into a callable objective: a built-in
 * benchmark function ({@code function: branin}), a real model ({@code model: xgboost|cnn} on a
 * dataset, see hpo4j-ml) or any program ({@code command: [...]} with a top-level {@code space}, see
 * {@link CommandStudy}).
 */
final class ObjectiveResolver {
  private ObjectiveResolver() {}

  /**
   * What a study file's objective resolved to.
   *
   * @param file the study file, with the directions the objective decided when the file named none
   * @param objective the function to optimise
   * @param model the real-model objective, or null for a benchmark function
   */
  record Resolved(StudyFile file, MultiObjective objective, ConfiguredObjective model) {}

  /**
   * @param threads trials the study runs at once in this process, so that {@code nthread: auto}
   *     gives each trial only the cores the study leaves free
   * @param seed the model's seed (data splits, library sampling) when the objective section names
   *     none: the study's seed, so that {@code --seed} varies the split as well as the sampler
   */
  static Resolved resolve(StudyFile file, int threads, long seed) {
    OptionReader o = file.objective();
    if (o.has("command")) {
      return new Resolved(file, CommandStudy.resolve(file), null);
    }
    if (file.space() != null) {
      throw new IllegalArgumentException(
          file.path()
              + ": the top-level 'space' is only for a command objective "
              + "(objective: {command: [...]}); a model's space goes under 'objective.space'");
    }
    if (o.has("model")) {
      Path base = file.path().toAbsolutePath().getParent();
      Map<String, Object> section = new LinkedHashMap<>(o.raw());
      section.putIfAbsent("seed", seed);
      ConfiguredObjective co;
      try {
        co = ObjectiveFactory.fromConfig(section, base, threads);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file.path() + ": " + e.getMessage());
      }
      StudyFile f = file.directionsGiven() ? file : file.withDirections(co.directions());
      if (!f.directions().equals(co.directions())) {
        throw inFile(
            file,
            "'objective': the model's metric(s) "
                + co.valueNames()
                + " need directions "
                + co.directions()
                + ", but the file says "
                + f.directions());
      }
      return new Resolved(f, co.multiObjective(), co);
    }
    if (o.has("function")) {
      String name;
      try {
        o.requireOnly(Set.of("function"));
        name = o.string("function", null);
      } catch (IllegalArgumentException e) {
        throw inFile(file, e.getMessage());
      }
      if (MultiObjectiveFunctions.isMultiObjective(name)) {
        MultiObjectiveFunction m = MultiObjectiveFunctions.byName(name);
        if (file.directions().size() != m.objectives()) {
          throw inFile(
              file,
              "'objective': function '"
                  + name
                  + "' has "
                  + m.objectives()
                  + " objectives, but the study has "
                  + file.directions().size()
                  + " direction(s)");
        }
        return new Resolved(file, m::evaluate, null);
      }
      BenchmarkFunction f;
      try {
        f = BenchmarkFunctions.byName(name);
      } catch (IllegalArgumentException e) {
        throw inFile(file, o.field("function") + " " + e.getMessage());
      }
      if (file.directions().size() != 1) {
        throw inFile(
            file,
            "'objective': function '"
                + name
                + "' has one objective, but the study has "
                + file.directions().size());
      }
      return new Resolved(file, t -> new double[] {f.evaluate(t)}, null);
    }
    throw inFile(
        file,
        "'objective' needs 'function' (a built-in benchmark function, e.g. branin), 'model' (xgboost or cnn) "
            + "or 'command' (a program to run, e.g. [java, Train.java, --lr, \"{lr}\"])");
  }

  private static IllegalArgumentException inFile(StudyFile file, String message) {
    return new IllegalArgumentException(file.path() + ": " + message);
  }
}
