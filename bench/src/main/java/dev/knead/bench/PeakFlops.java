package dev.knead.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One core's float32 peak: twelve independent fma chains on vectors of the preferred species
 * (or {@code -Dknead.vector.bits=256|128}), nothing loaded or stored in the loop, so the count of
 * fma pipes × their width × the clock is all it measures. The yardstick the training figures are
 * given against (a fraction of this peak).
 *
 * <p>JMH: {@code java -jar bench/target/benchmarks.jar PeakFlops}; in-process on the thread's CPU
 * clock (best of nine rounds of 0.2 s): {@code java --add-modules jdk.incubator.vector -cp
 * bench/target/benchmarks.jar dev.knead.bench.PeakFlops}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PeakFlops {
  static final VectorSpecies<Float> SPECIES = species(System.getProperty("knead.vector.bits"));

  private static VectorSpecies<Float> species(String bits) {
    return bits == null ? FloatVector.SPECIES_PREFERRED : switch (bits) {
      case "128" -> FloatVector.SPECIES_128;
      case "256" -> FloatVector.SPECIES_256;
      default -> FloatVector.SPECIES_512;
    };
  }

  /** fma calls per {@link #fmas()}: 12 chains × 1,000 steps. */
  static final int FMAS = 12_000;

  public float a = 1.0000001f;
  public float b = 0.9999999f;

  /** 12,000 vector fmas; the caller counts 2 · lanes flops each. */
  @Benchmark
  public float fmas() {
    final FloatVector m = FloatVector.broadcast(SPECIES, a);
    final FloatVector c = FloatVector.broadcast(SPECIES, b);
    FloatVector s0 = FloatVector.broadcast(SPECIES, 0.1f);
    FloatVector s1 = FloatVector.broadcast(SPECIES, 0.2f);
    FloatVector s2 = FloatVector.broadcast(SPECIES, 0.3f);
    FloatVector s3 = FloatVector.broadcast(SPECIES, 0.4f);
    FloatVector s4 = FloatVector.broadcast(SPECIES, 0.5f);
    FloatVector s5 = FloatVector.broadcast(SPECIES, 0.6f);
    FloatVector s6 = FloatVector.broadcast(SPECIES, 0.7f);
    FloatVector s7 = FloatVector.broadcast(SPECIES, 0.8f);
    FloatVector s8 = FloatVector.broadcast(SPECIES, 0.9f);
    FloatVector s9 = FloatVector.broadcast(SPECIES, 1.0f);
    FloatVector s10 = FloatVector.broadcast(SPECIES, 1.1f);
    FloatVector s11 = FloatVector.broadcast(SPECIES, 1.2f);
    for (int k = 0; k < FMAS / 12; k++) {
      s0 = s0.fma(m, c);
      s1 = s1.fma(m, c);
      s2 = s2.fma(m, c);
      s3 = s3.fma(m, c);
      s4 = s4.fma(m, c);
      s5 = s5.fma(m, c);
      s6 = s6.fma(m, c);
      s7 = s7.fma(m, c);
      s8 = s8.fma(m, c);
      s9 = s9.fma(m, c);
      s10 = s10.fma(m, c);
      s11 = s11.fma(m, c);
    }
    return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11).reduceLanes(
        jdk.incubator.vector.VectorOperators.ADD);
  }

  /** GFLOP/s of one core at the species' width, best of nine 0.2-s rounds of thread CPU time. */
  public static double gflops() {
    final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    final PeakFlops p = new PeakFlops();
    double best = 0;
    float sink = 0;
    for (int round = -3; round < 9; round++) {
      final long start = cpu.getCurrentThreadCpuTime();
      long calls = 0;
      long now;
      do {
        sink += p.fmas();
        calls++;
      } while ((now = cpu.getCurrentThreadCpuTime()) - start < 200_000_000L);
      if (round >= 0) {
        best = Math.max(best, 2.0 * SPECIES.length() * FMAS * calls / (now - start));
      }
    }
    if (sink == 42f) {
      System.out.print("");
    }
    return best;
  }

  public static void main(String[] args) {
    System.out.printf(java.util.Locale.ROOT, "%s: %.1f GFLOP/s float32 peak, one thread%n", SPECIES, gflops());
  }
}
