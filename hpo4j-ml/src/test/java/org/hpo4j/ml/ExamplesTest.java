package org.hpo4j.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;

/** Every model study file in examples/ builds, and its directions match the objective's. */
class ExamplesTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  @SuppressWarnings("unchecked")
  void examples_modelObjectives_buildWithMatchingDirections() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(REPO.resolve("examples"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    int models = 0;
    for (Path f : files) {
      Map<String, Object> study = yaml.readValue(f.toFile(), Map.class);
      Map<String, Object> objective = (Map<String, Object>) study.get("objective");
      if (objective == null || !objective.containsKey("model")) {
        continue;
      }
      models++;
      ConfiguredObjective o = ObjectiveFactory.fromConfig(objective, REPO);
      List<StudyDirection> directions = new ArrayList<>();
      if (study.containsKey("directions")) {
        for (Object d : (List<Object>) study.get("directions")) {
          directions.add(StudyDirection.valueOf(String.valueOf(d).toUpperCase(Locale.ROOT)));
        }
      } else {
        directions.add(
            StudyDirection.valueOf(
                String.valueOf(study.get("direction")).toUpperCase(Locale.ROOT)));
      }
      assertEquals(o.directions(), directions, f.toString());
      assertFalse(o.describe().isEmpty());
    }
    assertTrue(models >= 4, "model examples found: " + models);
  }
}
