package dev.knead.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Side-by-side timing for the benchmarks' quick {@code main}s: two kernels alternate on this
 * thread's CPU clock (so time the scheduler gives to others does not count), each round about
 * 60 ms a kernel, three warm-up rounds and then the best of nine.
 */
final class CpuTime {
  private CpuTime() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** @return the best µs a call of a and of b, timed alternately */
  static double[] bestOfPair(Runnable a, Runnable b) {
    double bestA = Double.MAX_VALUE;
    double bestB = Double.MAX_VALUE;
    for (int round = -3; round < 9; round++) { // three warm-up rounds
      final double ta = micros(a);
      final double tb = micros(b);
      if (round >= 0) {
        bestA = Math.min(bestA, ta);
        bestB = Math.min(bestB, tb);
      }
    }
    return new double[] {bestA, bestB};
  }

  private static double micros(Runnable r) {
    final long start = CPU.getCurrentThreadCpuTime();
    final long end = start + 60_000_000L;
    long now;
    long calls = 0;
    do {
      r.run();
      calls++;
    } while ((now = CPU.getCurrentThreadCpuTime()) < end);
    return (now - start) / 1e3 / calls;
  }
}
