package org.hpo4j.spark.ml;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;

/** A LogisticRegression that records the regParam of every fit. */
public class SpyLogisticRegression extends LogisticRegression {
  static final List<String> FITS = new CopyOnWriteArrayList<>();

  public SpyLogisticRegression() {
    super();
  }

  public SpyLogisticRegression(String uid) {
    super(uid);
  }

  @Override
  public LogisticRegressionModel train(Dataset<?> dataset) {
    FITS.add("lr regParam=" + getRegParam());
    return super.train(dataset);
  }
}
