package org.hpo4j.spark.ml;

import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.sql.Dataset;

/**
 * A RandomForestClassifier that records the numTrees of every fit, beside the logistic
 * regression's.
 */
public class SpyRandomForest extends RandomForestClassifier {
  public SpyRandomForest() {
    super();
  }

  public SpyRandomForest(String uid) {
    super(uid);
  }

  @Override
  public RandomForestClassificationModel train(Dataset<?> dataset) {
    SpyLogisticRegression.FITS.add("rf numTrees=" + getNumTrees());
    return super.train(dataset);
  }
}
