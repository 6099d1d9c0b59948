package org.hpo4j.spark.ml;

import java.util.Arrays;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A shipped CSV (header row, a {@code label} column) as a DataFrame of {@code features} and {@code
 * label}.
 */
public final class Frames {
  private Frames() {}

  public static Dataset<Row> load(SparkSession spark, String path) {
    Dataset<Row> raw =
        spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    String[] features =
        Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    return new VectorAssembler()
        .setInputCols(features)
        .setOutputCol("features")
        .transform(raw)
        .select(functions.col("features"), functions.col("label").cast("double").as("label"));
  }
}
