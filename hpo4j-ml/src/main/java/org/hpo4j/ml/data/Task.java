package org.hpo4j.ml.data;

/**
 * What the target column of a {@link Dataset} holds, which decides the model's loss and metrics.
 */
public enum Task {
  /** Target values are class indices {@code 0..k-1}. */
  CLASSIFICATION,
  /** Target values are real numbers. */
  REGRESSION
}
