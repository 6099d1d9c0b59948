package org.hpo4j.ml.data;

import java.util.List;

/**
 * Which CSV column is the target: by header name, by 0-based position (negative counts from the
 * end, {@code -1} is the last column), or automatic (a column named {@code label} or {@code
 * target}, else the last one).
 *
 * <p>Immutable value.
 */
public final class TargetColumn {
  private final String name;
  private final Integer position;

  private TargetColumn(String name, Integer position) {
    this.name = name;
    this.position = position;
  }

  /** The column whose header is {@code name}. */
  public static TargetColumn named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "target column name must be non-blank, but got '" + name + "'");
    }
    return new TargetColumn(name, null);
  }

  /** The column at 0-based {@code position}; negative counts from the end. */
  public static TargetColumn at(int position) {
    return new TargetColumn(null, position);
  }

  /** A column named {@code label} or {@code target}, else the last column. */
  public static TargetColumn auto() {
    return new TargetColumn(null, null);
  }

  /**
   * Resolves this choice against a header.
   *
   * @throws IllegalArgumentException naming the column and the header if it does not exist
   */
  int resolve(List<String> header, String source) {
    if (name != null) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(
            String.format(
                "target column '%s' is not in the header of %s; columns are %s",
                name, source, header));
      }
      return i;
    }
    if (position != null) {
      int i = position < 0 ? header.size() + position : position;
      if (i < 0 || i >= header.size()) {
        throw new IllegalArgumentException(
            String.format(
                "target column position must be in [-%d, %d) for %s, but got %d",
                header.size(), header.size(), source, position));
      }
      return i;
    }
    for (String candidate : List.of("label", "target")) {
      int i = header.indexOf(candidate);
      if (i >= 0) {
        return i;
      }
    }
    return header.size() - 1;
  }

  @Override
  public String toString() {
    return name != null ? "'" + name + "'" : position != null ? "#" + position : "auto";
  }
}
