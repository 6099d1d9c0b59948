package org.hpo4j.spark.ml;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.hpo4j.Experimental;

/**
 * What {@link HpoTuner} fits: the best trial's ParamMap refitted on all the data (it transforms as
 * that model does), the best ParamMap and parameters, and every trial's metrics. Saved and loaded
 * with {@link #write()} / {@link #load(String)} (the best model must itself be {@code MLWritable},
 * as every Spark ML model and PipelineModel is).
 */
@Experimental
@SuppressWarnings({"rawtypes"})
public final class HpoTunerModel extends Model<HpoTunerModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Model bestModel;
  private final ParamMap bestParamMap;
  private final Map<String, Object> bestParams;
  private final List<TrialMetrics> trialMetrics;
  private final String studyName;

  HpoTunerModel(
      String uid,
      Model bestModel,
      ParamMap bestParamMap,
      Map<String, Object> bestParams,
      List<TrialMetrics> trialMetrics,
      String studyName) {
    this.uid = uid;
    this.bestModel = bestModel;
    this.bestParamMap = bestParamMap;
    this.bestParams =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bestParams));
    this.trialMetrics = List.copyOf(trialMetrics);
    this.studyName = studyName;
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * @return the best trial's parameters refitted on all the data
   */
  public Model bestModel() {
    return bestModel;
  }

  /**
   * @return the best ParamMap; after {@link #load} it holds the Params of the loaded best model's
   *     stages (a choice's own param is in {@link #bestParams()} only)
   */
  public ParamMap bestParamMap() {
    return bestParamMap;
  }

  /**
   * @return the best trial's parameters by study name (e.g. {@code logreg.regParam})
   */
  public Map<String, Object> bestParams() {
    return bestParams;
  }

  /**
   * @return every trial of the study, by number
   */
  public List<TrialMetrics> trialMetrics() {
    return trialMetrics;
  }

  /**
   * @return the study's name in its storage
   */
  public String studyName() {
    return studyName;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return bestModel.transform(dataset);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return bestModel.transformSchema(schema);
  }

  @Override
  public HpoTunerModel copy(ParamMap extra) {
    HpoTunerModel c =
        new HpoTunerModel(
            uid, (Model) bestModel.copy(extra), bestParamMap, bestParams, trialMetrics, studyName);
    return (HpoTunerModel) copyValues(c, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new HpoTunerModelIo.Writer(this);
  }

  /**
   * @return a reader of saved models
   */
  public static MLReader<HpoTunerModel> read() {
    return new HpoTunerModelIo.Reader();
  }

  /**
   * @return the model saved at {@code path}
   */
  public static HpoTunerModel load(String path) {
    return read().load(path);
  }
}
