package org.hpo4j.spark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The train/validation pairs of a tuning run: k folds, or one split by a train ratio. Cached. */
record Folds(List<Dataset<Row>> train, List<Dataset<Row>> validation) {

  static Folds of(Dataset<Row> data, int k, double trainRatio, long seed) {
    List<Dataset<Row>> train = new ArrayList<>();
    List<Dataset<Row>> valid = new ArrayList<>();
    if (trainRatio > 0) {
      Dataset<Row>[] s = data.randomSplit(new double[] {trainRatio, 1 - trainRatio}, seed);
      train.add(s[0].cache());
      valid.add(s[1].cache());
      return new Folds(train, valid);
    }
    double[] w = new double[k];
    java.util.Arrays.fill(w, 1.0);
    Dataset<Row>[] parts = data.randomSplit(w, seed);
    for (int i = 0; i < k; i++) {
      Dataset<Row> t = null;
      for (int j = 0; j < k; j++) {
        if (j != i) {
          t = t == null ? parts[j] : t.union(parts[j]);
        }
      }
      train.add(t.cache());
      valid.add(parts[i].cache());
    }
    return new Folds(train, valid);
  }

  int size() {
    return train.size();
  }

  void release() {
    train.forEach(Dataset::unpersist);
    validation.forEach(Dataset::unpersist);
  }
}
