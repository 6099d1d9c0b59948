package org.hpo4j.storage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places in the storage path where the fault-injection suite ({@code .ci/faults/}) kills a process
 * on purpose, so that each phase of a trial (its creation, a parameter write, a heartbeat, its
 * finish, a journal append) is shown to lose nothing; random kills land on them only by chance.
 * Armed by the system property {@code hpo4j.fault=PHASE:N}: the N-th time this process reaches
 * PHASE, it prints one line to standard error and halts at once with exit status {@value #EXIT}, as
 * {@code kill -9} would end it (no shutdown hook, no finally block, nothing flushed). Unset, as it
 * always is outside the suite, every call is one read of a final field.
 *
 * <p>Phases reached after the storage has the write (so that the process dies with the write
 * committed but unacknowledged, the ambiguous moment): {@code create} (a trial created or claimed),
 * {@code param}, {@code heartbeat}, {@code finish}; {@code torn-append}, where a journal append
 * writes the first half of its bytes before halting.
 *
 * <p>Thread-safe.
 */
public final class FaultPoint {
  /** The exit status of a process halted at its fault point. */
  public static final int EXIT = 99;

  private static final String PHASE;
  private static final int NTH;
  private static final AtomicInteger REACHED = new AtomicInteger();

  static {
    String spec = System.getProperty("hpo4j.fault");
    String phase = null;
    int nth = 0;
    if (spec != null && !spec.isBlank()) {
      int c = spec.lastIndexOf(':');
      try {
        phase = c < 0 ? spec.strip() : spec.substring(0, c).strip();
        nth = c < 0 ? 1 : Integer.parseInt(spec.substring(c + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "system property hpo4j.fault must be PHASE:N (N a positive count), but got '"
                + spec
                + "'");
      }
      if (nth < 1) {
        throw new IllegalArgumentException(
            "system property hpo4j.fault must be PHASE:N with N >= 1, but got '" + spec + "'");
      }
    }
    PHASE = phase;
    NTH = nth;
  }

  private FaultPoint() {}

  /** Halts the process if this is the armed phase's N-th arrival. */
  public static void reached(String phase) {
    if (due(phase)) {
      halt(phase);
    }
  }

  /**
   * Counts an arrival at {@code phase}; for a caller that does part of its work before {@link
   * #halt} (a torn write).
   *
   * @return whether this arrival is the one the suite armed
   */
  public static boolean due(String phase) {
    return PHASE != null && PHASE.equals(phase) && REACHED.incrementAndGet() == NTH;
  }

  /** Ends the process at once, as SIGKILL would (no shutdown hooks). */
  public static void halt(String phase) {
    System.err.println("hpo4j fault point: halting at " + phase + ":" + NTH);
    System.err.flush();
    Runtime.getRuntime().halt(EXIT);
  }
}
