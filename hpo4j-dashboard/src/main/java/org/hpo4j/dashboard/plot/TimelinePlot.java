package org.hpo4j.dashboard.plot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Timeline: one bar per started trial from its start to its end (or to now while running), one row
 * per worker, coloured by state, to see idle workers, stragglers and failures in time.
 *
 * <p>A trial's worker is its system attribute {@value #WORKER_ATTR} when a runner recorded one.
 * Otherwise the rows are lanes: each trial goes to the first lane free at its start, so the number
 * of lanes is the peak concurrency, which is what parallel workers look like from the storage.
 *
 * @param workers row labels, in order
 * @param bars one per trial that started, by number
 * @param now the time running bars end at, epoch milliseconds
 */
public record TimelinePlot(List<String> workers, List<Bar> bars, long now) {
  /** The system attribute naming a trial's worker. */
  public static final String WORKER_ATTR = "worker";

  /**
   * @param number trial number
   * @param state its state
   * @param worker index into {@link #workers}
   * @param start epoch milliseconds
   * @param end epoch milliseconds ({@link #now} while running)
   */
  public record Bar(int number, TrialState state, int worker, long start, long end) {}

  /** Copies the lists. */
  public TimelinePlot {
    workers = List.copyOf(workers);
    bars = List.copyOf(bars);
  }

  /**
   * @param trials the study's trials
   * @param now the current time, so running trials end somewhere (passed in for tests)
   */
  public static TimelinePlot of(List<FrozenTrial> trials, Instant now) {
    List<FrozenTrial> started = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.start() != null) {
        started.add(t);
      }
    }
    started.sort(Comparator.comparing(FrozenTrial::start).thenComparingInt(FrozenTrial::number));
    long nowMs = now.toEpochMilli();
    boolean named = started.stream().anyMatch(t -> t.systemAttrs().get(WORKER_ATTR) != null);
    Map<String, Integer> rows = new LinkedHashMap<>();
    List<Long> laneFreeAt = new ArrayList<>();
    List<Bar> bars = new ArrayList<>();
    for (FrozenTrial t : started) {
      long s = t.start().toEpochMilli();
      long e = t.complete() != null ? t.complete().toEpochMilli() : Math.max(s, nowMs);
      int row;
      if (named) {
        Object w = t.systemAttrs().get(WORKER_ATTR);
        String key = w == null ? "(unknown)" : String.valueOf(w);
        row = rows.computeIfAbsent(key, k -> rows.size());
      } else {
        row = -1;
        for (int i = 0; i < laneFreeAt.size() && row < 0; i++) {
          if (laneFreeAt.get(i) <= s) {
            row = i;
          }
        }
        if (row < 0) {
          row = laneFreeAt.size();
          laneFreeAt.add(e);
          rows.put("lane " + row, row);
        } else {
          laneFreeAt.set(row, e);
        }
      }
      bars.add(
          new Bar(
              t.number(),
              t.state() == TrialState.WAITING ? TrialState.RUNNING : t.state(),
              row,
              s,
              e));
    }
    bars.sort(Comparator.comparingInt(Bar::number));
    return new TimelinePlot(new ArrayList<>(rows.keySet()), bars, nowMs);
  }
}
