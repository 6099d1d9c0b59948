package org.hpo4j.study;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How long {@link Study#optimize(Objective, OptimizeOptions)} runs: a trial budget, the number of
 * threads, and an optional timeout after which no new trial starts. Immutable; each setter returns
 * a copy, so one value can be shared: {@code OptimizeOptions.trials(100).threads(4)}.
 */
public final class OptimizeOptions {
  private final int nTrials;
  private final int threads;
  private final Duration timeout;

  private OptimizeOptions(int nTrials, int threads, Duration timeout) {
    requireArgument(nTrials >= 1, "nTrials >= 1 must hold, but got nTrials=%s", nTrials);
    requireArgument(threads >= 1, "threads >= 1 must hold, but got threads=%s", threads);
    requireArgument(
        timeout == null || !timeout.isNegative(),
        "timeout must not be negative, but got %s",
        timeout);
    this.nTrials = nTrials;
    this.threads = threads;
    this.timeout = timeout;
  }

  /**
   * @return options for at most {@code nTrials} trials on the calling thread, with no timeout
   * @throws IllegalArgumentException when nTrials &lt; 1
   */
  public static OptimizeOptions trials(int nTrials) {
    return new OptimizeOptions(nTrials, 1, null);
  }

  /**
   * @return a copy running trials on {@code threads} threads
   * @throws IllegalArgumentException when threads &lt; 1
   */
  public OptimizeOptions threads(int threads) {
    return new OptimizeOptions(nTrials, threads, timeout);
  }

  /**
   * @return a copy that starts no trial once {@code timeout} has passed (running trials finish),
   *     measured on the study's clock
   * @throws IllegalArgumentException when timeout is null or negative
   */
  public OptimizeOptions timeout(Duration timeout) {
    return new OptimizeOptions(nTrials, threads, requireNonNull(timeout, "timeout"));
  }

  /**
   * @return the trial budget
   */
  public int nTrials() {
    return nTrials;
  }

  /**
   * @return the number of threads
   */
  public int threads() {
    return threads;
  }

  /**
   * @return the timeout, if any
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return "OptimizeOptions(nTrials="
        + nTrials
        + ", threads="
        + threads
        + (timeout == null ? "" : ", timeout=" + timeout)
        + ")";
  }
}
