package org.hpo4j.spark.ml;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;

/**
 * Saves an {@link HpoTunerModel} as Spark ML models are saved: {@code metadata/} holds one JSON
 * line (class, uid, Spark version, study, best parameters, each trial's metrics, and the best
 * ParamMap as (stage uid, param name, JSON value)), {@code bestModel/} the best model in its own
 * format.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class HpoTunerModelIo {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HpoTunerModelIo() {}

  static final class Writer extends MLWriter {
    private final HpoTunerModel model;

    Writer(HpoTunerModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      if (!(model.bestModel() instanceof MLWritable w)) {
        throw new UnsupportedOperationException(
            "the best model "
                + model.bestModel().getClass().getName()
                + " is not MLWritable, so this HpoTunerModel cannot be saved");
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("class", HpoTunerModel.class.getName());
      meta.put("timestamp", System.currentTimeMillis());
      meta.put("sparkVersion", SparkSession.active().version());
      meta.put("uid", model.uid());
      meta.put("paramMap", Map.of());
      meta.put("defaultParamMap", Map.of());
      meta.put("studyName", model.studyName());
      meta.put("bestModelClass", model.bestModel().getClass().getName());
      meta.put("bestParams", model.bestParams());
      List<Map<String, Object>> pm = new ArrayList<>();
      for (ParamPair<?> p : model.bestParamMap().toList()) {
        Param param = p.param();
        pm.add(
            Map.of(
                "parent",
                param.parent(),
                "name",
                param.name(),
                "value",
                param.jsonEncode(p.value())));
      }
      meta.put("bestParamMap", pm);
      List<Map<String, Object>> trials = new ArrayList<>();
      for (TrialMetrics t : model.trialMetrics()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("state", t.state());
        m.put("metric", Double.isNaN(t.metric()) ? null : t.metric());
        m.put("foldMetrics", t.foldMetrics());
        m.put("params", t.params());
        trials.add(m);
      }
      meta.put("trials", trials);
      String line;
      try {
        line = JSON.writeValueAsString(meta);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JavaSparkContext jsc =
          JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
      jsc.parallelize(List.of(line), 1).saveAsTextFile(path + "/metadata");
      try {
        w.write().save(path + "/bestModel");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class Reader extends MLReader<HpoTunerModel> {
    @Override
    public HpoTunerModel load(String path) {
      JavaSparkContext jsc =
          JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
      Map<String, Object> meta;
      try {
        meta =
            JSON.readValue(jsc.textFile(path + "/metadata", 1).first(), new TypeReference<>() {});
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "'" + path + "' holds no readable HpoTunerModel metadata: " + e.getMessage());
      }
      if (!HpoTunerModel.class.getName().equals(meta.get("class"))) {
        throw new IllegalArgumentException(
            "'" + path + "' holds a " + meta.get("class") + ", not an HpoTunerModel");
      }
      Model best = loadModel((String) meta.get("bestModelClass"), path + "/bestModel");
      Map<String, Params> stages = Stages.of(best);
      ParamMap pm = new ParamMap();
      for (Map<String, Object> p : (List<Map<String, Object>>) meta.get("bestParamMap")) {
        Params owner = stages.get((String) p.get("parent"));
        String name = (String) p.get("name");
        if (owner != null && owner.hasParam(name)) {
          Param param = owner.getParam(name);
          pm.put(param, param.jsonDecode((String) p.get("value")));
        }
      }
      List<TrialMetrics> trials = new ArrayList<>();
      for (Map<String, Object> t : (List<Map<String, Object>>) meta.get("trials")) {
        List<Double> folds = new ArrayList<>();
        for (Object x : (List<Object>) t.get("foldMetrics")) {
          folds.add(((Number) x).doubleValue());
        }
        Object metric = t.get("metric");
        trials.add(
            new TrialMetrics(
                ((Number) t.get("number")).intValue(),
                (String) t.get("state"),
                metric == null ? Double.NaN : ((Number) metric).doubleValue(),
                folds,
                (Map<String, Object>) t.get("params")));
      }
      return new HpoTunerModel(
          (String) meta.get("uid"),
          best,
          pm,
          (Map<String, Object>) meta.get("bestParams"),
          trials,
          (String) meta.get("studyName"));
    }

    private static Model loadModel(String className, String path) {
      try {
        return (Model) Class.forName(className).getMethod("load", String.class).invoke(null, path);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "cannot load the best model ("
                + className
                + ") at "
                + path
                + ": "
                + (e.getCause() != null ? e.getCause() : e));
      }
    }
  }
}
