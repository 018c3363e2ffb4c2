package io.powernode.devops.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointLocksTest {

    private final EndpointLocks locks = new EndpointLocks();

    @Test
    void oneEndpointsWorkRunsOneAtATimeWhileAnotherEndpointsWorkGoesOn() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?> holder = pool.submit(() -> locks.run("h1", () -> {
                holding.countDown();
                await(letGo);
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> locks.run("h1", () -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    pause(Duration.ofMillis(10));
                    inside.decrementAndGet();
                }));
            }

            assertThat(locks.call("h2", () -> "not kept waiting by h1")).isEqualTo("not kept waiting by h1");
            letGo.countDown();
            holder.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostInside).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
