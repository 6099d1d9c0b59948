package org.hpo4j.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The live trials table: sorted, filtered and paged on the server, so a study of 100,000 trials
 * sends the browser one page. The report does the same over its embedded rows in the page script;
 * both read the same query words.
 *
 * <p>Query: {@code sort} = {@code number} | {@code state} | {@code duration} | {@code value:I} |
 * {@code param:NAME}; {@code desc} = true|false; {@code states} = comma-separated states; {@code q}
 * = text searched in parameters, attributes and the fail reason; {@code filter} = conditions joined
 * by {@code ;}, each {@code NAME OP NUMBER} with OP one of {@code < <= > >= = !=}, where NAME is a
 * parameter or {@code value} / {@code valueI}; {@code page} from 0; {@code size} 1..500.
 *
 * @param total trials matching the query
 * @param page the page shown
 * @param size rows per page
 * @param rows the rows of that page
 */
public record TrialTable(int total, int page, int size, List<TrialRow> rows) {
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([^<>=!]+?)\\s*(<=|>=|!=|<|>|=)\\s*(\\S+)\\s*");

  /**
   * @throws IllegalArgumentException naming the query field when a value is not allowed
   */
  static TrialTable query(List<FrozenTrial> trials, Map<String, String> q) {
    int size = integer(q, "size", 50, 1, 500);
    int page = integer(q, "page", 0, 0, Integer.MAX_VALUE);
    Set<TrialState> states = EnumSet.allOf(TrialState.class);
    String st = q.get("states");
    if (st != null && !st.isBlank()) {
      states = EnumSet.noneOf(TrialState.class);
      for (String s : st.split(",")) {
        try {
          states.add(TrialState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "states must be a comma-separated list of "
                  + List.of(TrialState.values())
                  + ", but got '"
                  + s.trim()
                  + "'");
        }
      }
    }
    List<java.util.function.Predicate<FrozenTrial>> conditions = new ArrayList<>();
    String filter = q.get("filter");
    if (filter != null) {
      for (String part : filter.split(";")) {
        if (!part.isBlank()) {
          conditions.add(condition(part));
        }
      }
    }
    String search = q.getOrDefault("q", "").trim().toLowerCase(Locale.ROOT);
    List<FrozenTrial> hits = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (states.contains(t.state())
          && conditions.stream().allMatch(c -> c.test(t))
          && (search.isEmpty() || text(t).contains(search))) {
        hits.add(t);
      }
    }
    Comparator<FrozenTrial> order = order(q.getOrDefault("sort", "number"));
    if (Boolean.parseBoolean(q.getOrDefault("desc", "false"))) {
      order = order.reversed();
    }
    // Missing values sort last whichever the direction: nullsLast inside the key comparators.
    hits.sort(order.thenComparingInt(FrozenTrial::number));
    int from = (int) Math.min((long) page * size, hits.size());
    List<TrialRow> rows = new ArrayList<>();
    for (FrozenTrial t : hits.subList(from, Math.min(hits.size(), from + size))) {
      rows.add(TrialRow.of(t));
    }
    return new TrialTable(hits.size(), page, size, rows);
  }

  private static Comparator<FrozenTrial> order(String sort) {
    if (sort.equals("number")) {
      return Comparator.comparingInt(FrozenTrial::number);
    }
    if (sort.equals("state")) {
      return Comparator.comparing(t -> t.state().name());
    }
    if (sort.equals("duration")) {
      return Comparator.comparing(
          t -> t.duration() == null ? null : t.duration().toMillis(),
          Comparator.nullsLast(Comparator.naturalOrder()));
    }
    if (sort.startsWith("value:")) {
      int k = integer(Map.of("sort", sort.substring(6)), "sort", 0, 0, 1000);
      return Comparator.comparing(
          t -> value(t, k), Comparator.nullsLast(Comparator.naturalOrder()));
    }
    if (sort.startsWith("param:")) {
      String name = sort.substring(6);
      return Comparator.comparing(
          t -> t.internalParams().get(name), Comparator.nullsLast(Comparator.naturalOrder()));
    }
    throw new IllegalArgumentException(
        "sort must be number, state, duration, value:I or param:NAME, but got '" + sort + "'");
  }

  private static java.util.function.Predicate<FrozenTrial> condition(String text) {
    Matcher m = CONDITION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "filter must be conditions like 'lr < 0.01; value <= 3' joined by ';', "
              + "but got '"
              + text.trim()
              + "'");
    }
    String name = m.group(1);
    String op = m.group(2);
    double limit;
    try {
      limit = Double.parseDouble(m.group(3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "filter '"
              + text.trim()
              + "': the right side must be a number, but got '"
              + m.group(3)
              + "'");
    }
    java.util.regex.Matcher v = Pattern.compile("value(\\d*)").matcher(name);
    return t -> {
      Double x;
      if (v.reset(name).matches()) {
        x = value(t, v.group(1).isEmpty() ? 0 : Integer.parseInt(v.group(1)));
      } else {
        Object p = t.params().get(name);
        x = p instanceof Number n ? n.doubleValue() : null;
      }
      if (x == null) {
        return false;
      }
      return switch (op) {
        case "<" -> x < limit;
        case "<=" -> x <= limit;
        case ">" -> x > limit;
        case ">=" -> x >= limit;
        case "=" -> x == limit;
        default -> x != limit;
      };
    };
  }

  private static Double value(FrozenTrial t, int k) {
    return t.values().size() > k && Double.isFinite(t.values().get(k)) ? t.values().get(k) : null;
  }

  private static String text(FrozenTrial t) {
    StringBuilder b = new StringBuilder().append('#').append(t.number()).append(' ');
    t.params().forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
    t.userAttrs().forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
    Object reason = t.systemAttrs().get("fail_reason");
    if (reason != null) {
      b.append(reason);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static int integer(Map<String, String> q, String key, int fallback, int min, int max) {
    String s = q.get(key);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(s.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be an integer in [" + min + ", " + max + "], but got '" + s + "'");
  }
}
