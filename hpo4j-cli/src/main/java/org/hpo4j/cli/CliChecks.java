package org.hpo4j.cli;

/** Checks of command-line values, each naming the flag. */
final class CliChecks {
  private CliChecks() {}

  static void positive(String flag, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(flag + " must be >= 1, but got " + value);
    }
  }
}
