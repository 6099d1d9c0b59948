package org.hpo4j.bench;

import java.util.ArrayList;
import java.util.List;

/** Parses seed lists such as {@code 0-9}, {@code 3} or {@code 0,2,5-7}. */
public final class SeedRange {
  private SeedRange() {}

  /**
   * @throws IllegalArgumentException naming the allowed forms
   */
  public static List<Long> parse(String spec) {
    List<Long> seeds = new ArrayList<>();
    try {
      for (String part : spec.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long a = Long.parseLong(p.substring(0, dash).trim());
          long b = Long.parseLong(p.substring(dash + 1).trim());
          if (b < a || b - a > 100_000) {
            throw new NumberFormatException();
          }
          for (long s = a; s <= b; s++) {
            seeds.add(s);
          }
        } else {
          seeds.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seeds must look like 0-9, 3 or 0,2,5-7, but got '" + spec + "'");
    }
    return seeds;
  }
}
