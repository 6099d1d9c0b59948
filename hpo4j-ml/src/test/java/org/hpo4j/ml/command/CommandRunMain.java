package org.hpo4j.ml.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hpo4j.ml.RecordingTrial;
import org.hpo4j.ml.space.SearchSpace;

/**
 * A worker-like JVM for {@link ProcessGroupsTest}: runs one command objective, {@code args[0]} a
 * shell script.
 */
public final class CommandRunMain {
  private CommandRunMain() {}

  public static void main(String[] args) throws Exception {
    CommandObjective o =
        new CommandObjective(
            List.of("sh", "-c", args[0]),
            SearchSpace.parse(Map.of("x", Map.of("low", 0.0, "high", 1.0))),
            Duration.ofMinutes(10),
            null,
            Map.of());
    o.run(new RecordingTrial(1));
  }
}
