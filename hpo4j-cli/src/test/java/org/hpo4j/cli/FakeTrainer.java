package org.hpo4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a user's training script, started as a separate process by the command tests:
 * {@code --x X --y Y} prints {@code (x-0.3)^2 + (y-2)^2}; {@code --crash-above T} exits with code 3
 * when x > T; {@code --args-to FILE} writes the remaining arguments one per line, to show how they
 * arrived.
 */
public final class FakeTrainer {
  private FakeTrainer() {}

  /** Runs one "training". */
  public static void main(String[] args) throws Exception {
    double x = 0;
    double y = 2;
    double crashAbove = Double.POSITIVE_INFINITY;
    Path argsTo = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--x" -> x = Double.parseDouble(args[++i]);
        case "--y" -> y = Double.parseDouble(args[++i]);
        case "--crash-above" -> crashAbove = Double.parseDouble(args[++i]);
        case "--args-to" -> argsTo = Path.of(args[++i]);
        default -> rest.add(args[i]);
      }
    }
    if (argsTo != null) {
      Files.write(argsTo, rest);
    }
    if (x > crashAbove) {
      System.err.println("diverged at x=" + x);
      System.exit(3);
    }
    System.out.println("training...");
    System.out.println((x - 0.3) * (x - 0.3) + (y - 2) * (y - 2));
  }
}
