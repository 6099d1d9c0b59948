package org.hpo4j.spark.ml;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.hpo4j.Experimental;

/**
 * "Select the algorithm, then its hyperparameters": an estimator that fits one of several named
 * estimators, the one its {@link #chosen} param names, and returns that estimator's own model. Use
 * it alone or as a stage of a {@code Pipeline}, and give each option its own sub-space; the tuner's
 * {@link ParamSpace#choose} then sets only the chosen option's parameters, and the others are never
 * fitted.
 *
 * <pre>{@code
 * EstimatorChoice model = new EstimatorChoice()
 *     .option("lr", lr, ParamSpace.create().floatRange(lr.regParam(), 1e-4, 1, true))
 *     .option("rf", rf, ParamSpace.create().intRange(rf.numTrees(), 10, 100, false));
 * }</pre>
 */
@Experimental
@SuppressWarnings({"rawtypes", "unchecked"})
public final class EstimatorChoice extends Estimator {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> chosen;
  private final LinkedHashMap<String, Estimator> options = new LinkedHashMap<>();
  private final transient Map<String, ParamSpace> spaces = new LinkedHashMap<>();

  public EstimatorChoice() {
    this(Identifiable$.MODULE$.randomUID("choice"));
  }

  public EstimatorChoice(String uid) {
    this.uid = uid;
    this.chosen = new Param<>(this, "chosen", "the name of the option to fit");
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * @return the param naming the option to fit (default: the first option)
   */
  public Param<String> chosen() {
    return chosen;
  }

  /** Chooses the option to fit. */
  public EstimatorChoice setChosen(String name) {
    requireArgument(
        options.containsKey(name),
        "EstimatorChoice has no option '%s'; options: %s",
        name,
        options.keySet());
    set(chosen, name);
    return this;
  }

  /** Adds an option with its own sub-space (possibly empty). */
  public EstimatorChoice option(String name, Estimator estimator, ParamSpace space) {
    requireArgument(name != null && !name.isEmpty(), "an option's name must be non-empty");
    requireArgument(!options.containsKey(name), "EstimatorChoice already has an option '%s'", name);
    options.put(name, org.hpo4j.Checks.requireNonNull(estimator, "estimator"));
    spaces.put(name, space == null ? ParamSpace.create() : space);
    return this;
  }

  /**
   * @return the option names, in the order added
   */
  public List<String> names() {
    return new ArrayList<>(options.keySet());
  }

  /**
   * @return the estimators, by option name
   */
  public Map<String, Estimator> options() {
    return java.util.Collections.unmodifiableMap(options);
  }

  ParamSpace space(String name) {
    ParamSpace s = spaces.get(name);
    requireArgument(
        s != null, "EstimatorChoice has no option '%s'; options: %s", name, options.keySet());
    return s;
  }

  private Estimator selected() {
    requireArgument(!options.isEmpty(), "EstimatorChoice %s has no option to fit", uid);
    String name = isDefined(chosen) ? $(chosen) : options.keySet().iterator().next();
    Estimator e = options.get(name);
    requireArgument(
        e != null, "EstimatorChoice has no option '%s'; options: %s", name, options.keySet());
    return e;
  }

  @Override
  public Model fit(Dataset dataset) {
    return (Model) selected().fit(dataset);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return selected().transformSchema(schema);
  }

  /** Copies every option with {@code extra}, so a ParamMap may set any option's parameters. */
  @Override
  public EstimatorChoice copy(ParamMap extra) {
    EstimatorChoice c = new EstimatorChoice(uid);
    options.forEach((n, e) -> c.option(n, (Estimator) e.copy(extra), spaces.get(n)));
    copyValues(c, extra);
    return c;
  }

  @Override
  public Param<?>[] params() {
    return new Param<?>[] {chosen};
  }
}
