package org.hpo4j.rl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the overhead counters: on a loaded machine wall time measures
 * the neighbours, CPU time the sampler. Falls back to wall time where the JVM cannot measure thread
 * CPU time. Stateless and thread-safe.
 */
final class CpuTime {
  private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = BEAN.isCurrentThreadCpuTimeSupported();

  private CpuTime() {}

  /**
   * @return nanoseconds on an arbitrary origin; only differences mean anything
   */
  static long nanos() {
    return SUPPORTED ? BEAN.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
