package dev.signet.nonces.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Threads started together against one store, for the stores' race tests. */
public final class Races {
  private Races() {}

  /** What one thread of a race does. */
  public interface Racer {
    void run(int thread) throws Exception;
  }

  /** Runs {@code racer} on {@code threads} threads started together; rethrows the first failure. */
  public static void race(int threads, Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  racer.run(thread);
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
