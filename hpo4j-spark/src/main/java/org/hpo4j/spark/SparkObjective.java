package org.hpo4j.spark;

import java.io.Serializable;
import org.hpo4j.study.Objective;

/**
 * An {@link Objective} that can be shipped to Spark executors. The objective object itself, and
 * everything it captures (a lambda's captured variables, an anonymous class's enclosing instance,
 * fields of a named class), is Java-serialized on the driver and rebuilt in every task: those must
 * be {@link Serializable}. The {@link org.hpo4j.trial.Trial} it is given is not serialized: it
 * lives on the executor. Expensive or non-serializable state (a loaded dataset, a native booster)
 * belongs in a {@code transient} field or a static cache, built on first use in the executor.
 */
@FunctionalInterface
public interface SparkObjective extends Objective, Serializable {}
