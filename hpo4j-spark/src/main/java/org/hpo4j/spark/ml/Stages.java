package org.hpo4j.spark.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The stages reachable from an estimator or model (pipelines and choices opened), by uid. */
final class Stages {
  private Stages() {}

  static Map<String, Params> of(Params root) {
    Map<String, Params> out = new LinkedHashMap<>();
    collect(root, out);
    return out;
  }

  @SuppressWarnings("rawtypes")
  private static void collect(Params p, Map<String, Params> out) {
    out.put(p.uid(), p);
    if (p instanceof Pipeline pipe && pipe.isDefined(pipe.stages())) {
      for (PipelineStage s : pipe.getStages()) {
        collect(s, out);
      }
    } else if (p instanceof PipelineModel pm) {
      for (Transformer t : pm.stages()) {
        collect(t, out);
      }
    } else if (p instanceof EstimatorChoice c) {
      for (org.apache.spark.ml.Estimator e : c.options().values()) {
        collect(e, out);
      }
    }
  }

  /**
   * @throws IllegalArgumentException when {@code param} belongs to no stage of {@code root}
   */
  static void requireOwned(Map<String, Params> stages, Param<?> param, String rootUid) {
    Params owner = stages.get(param.parent());
    if (owner == null || !owner.hasParam(param.name())) {
      throw new IllegalArgumentException(
          "search space parameter '"
              + param.name()
              + "' belongs to '"
              + param.parent()
              + "', which is not the tuned estimator '"
              + rootUid
              + "' nor one of its stages "
              + stages.keySet()
              + "; use the Param of the very estimator object you pass to setEstimator");
    }
  }
}
