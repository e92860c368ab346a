package dev.knead.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EngineTest {
  /** Tasks that finish in the reverse of their order still come back in task order. */
  @Test
  void resultsComeBackInTaskOrderWhateverOrderTheyFinishIn() {
    List<Integer> tasks = IntStream.range(0, 12).boxed().toList();
    List<Integer> finishOrder = Collections.synchronizedList(new ArrayList<>());
    List<Integer> out = Engine.map(tasks, 3, i -> {
      sleep(5L * (12 - i));
      finishOrder.add(i);
      return i * i;
    });
    assertThat(out).isEqualTo(tasks.stream().map(i -> i * i).toList());
    assertThat(finishOrder).isNotEqualTo(tasks); // they did finish out of order
  }

  /** Never more than the given number of tasks at once, and that many when there is work for them. */
  @Test
  void runsExactlyTheGivenNumberOfTasksAtOnce() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    List<Integer> out = Engine.map(IntStream.range(0, 9).boxed().toList(), 3, i -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      three.countDown();
      await(three); // the first three wait for each other: three run together
      now.decrementAndGet();
      return i;
    });
    assertThat(out).hasSize(9);
    assertThat(most.get()).isEqualTo(3);
  }

  /** The first failure stops the hand-out and reaches the caller as itself. */
  @Test
  void aFailureStopsTheRestAndReachesTheCaller() {
    AtomicInteger started = new AtomicInteger();
    assertThatThrownBy(() -> Engine.map(IntStream.range(0, 200).boxed().toList(), 2, i -> {
      started.incrementAndGet();
      if (i == 3) {
        throw new ArithmeticException("task 3");
      }
      sleep(2);
      return i;
    })).isInstanceOf(ArithmeticException.class).hasMessage("task 3");
    assertThat(started.get()).isLessThan(20);
  }

  @Test
  void oneThreadAndNoTasks() {
    assertThat(Engine.map(List.of(1, 2, 3), 1, i -> i + 1)).containsExactly(2, 3, 4);
    assertThat(Engine.map(List.<Integer>of(), 4, i -> i)).isEmpty();
    assertThatThrownBy(() -> Engine.map(List.of(1), 0, i -> i)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch l) {
    try {
      assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
