package org.hpo4j.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.hpo4j.ml.ConfiguredObjective;
import org.hpo4j.ml.ObjectiveFactory;
import org.hpo4j.trial.Trial;

/**
 * A study file's {@code objective} section (hpo4j-ml's models: xgboost, cnn) as a {@link
 * SparkObjective}: only the section's text is shipped; each executor JVM loads the dataset and
 * builds the model objective once, on first use. The dataset reaches executors either at the same
 * path (a shared file system, or the same machine) or, when that path does not exist there, as a
 * file the driver shipped with {@code SparkContext.addFile} (see the spark-submit entry point).
 */
public final class ModelObjective implements SparkObjective {
  private static final long serialVersionUID = 1L;
  private static final Map<Map<String, Object>, ConfiguredObjective> BUILT =
      new ConcurrentHashMap<>();

  private final LinkedHashMap<String, Object> config;
  private final String baseDir;

  /**
   * @param config the {@code objective} section, as parsed from YAML (copied)
   * @param baseDir the study file's directory, against which a relative dataset path is resolved
   */
  @SuppressWarnings("unchecked")
  public ModelObjective(Map<String, Object> config, Path baseDir) {
    this.config = (LinkedHashMap<String, Object>) ModelObjective.<Object>copy(config);
    this.baseDir = baseDir.toString();
  }

  /**
   * @return the model objective of this JVM, built on first use
   */
  public ConfiguredObjective configured() {
    return BUILT.computeIfAbsent(
        config, c -> ObjectiveFactory.fromConfig(localized(c), Path.of(baseDir), 1));
  }

  @Override
  public double evaluate(Trial trial) throws Exception {
    return configured().objective().evaluate(trial);
  }

  /** The dataset path as seen here: as written if it exists, else the copy Spark shipped. */
  private Map<String, Object> localized(Map<String, Object> c) {
    Object d = c.get("dataset");
    if (d == null) {
      return c;
    }
    Path p = Path.of(d.toString());
    Path resolved = p.isAbsolute() ? p : Path.of(baseDir).resolve(p);
    if (Files.exists(p) || Files.exists(resolved)) {
      return c;
    }
    try {
      Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
      if (Files.exists(shipped)) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        m.put("dataset", shipped.toString());
        return m;
      }
    } catch (RuntimeException e) {
      // no SparkEnv here (outside a Spark JVM): report the path as written
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    if (value instanceof Map<?, ?> m) {
      LinkedHashMap<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return (T) out;
    }
    if (value instanceof List<?> l) {
      ArrayList<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    if (value == null || value instanceof Serializable) {
      return value;
    }
    return (T) value.toString();
  }
}
