package io.powernode.devops.compose;

import io.powernode.devops.kernel.common.SealedValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What converting a compose file costs the API: every deploy and update is read, checked against the schema,
 * interpolated and converted once, on the request's path. A small file (the guide's voting app's shape) and a large
 * one (100 services with networks, secrets, health checks and deploy settings), one thread and two; conversions/s,
 * latency percentiles and bytes allocated per conversion. Prints figures; asserts nothing. Run:
 * {@code ./mvnw -B -pl compose -am test -Pbenchmark -Dtest=ComposeConversionBenchmark}.
 */
@Tag("benchmark")
class ComposeConversionBenchmark {

    private static final Map<String, String> ENVIRONMENT = Map.of("TAG", "1.4", "REPLICAS", "2");
    private static final Map<String, String> FILES = Map.of("./db_password.txt", "not-a-real-password");
    private final ComposeConverter converter = new ComposeConverter();

    @Test
    void conversionsPerSecondLatencyAndAllocation() throws Exception {
        String small = compose(5);
        String large = compose(100);
        convertTimes(small, 500);
        convertTimes(large, 50);

        report("small file (5 services, " + small.length() / 1024 + " KiB), 1 thread", small, 2000, 1);
        report("small file, 2 threads", small, 2000, 2);
        report("large file (100 services, " + large.length() / 1024 + " KiB), 1 thread", large, 200, 1);
        report("large file, 2 threads", large, 200, 2);

        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use after GC: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private void report(String what, String compose, int perThread, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Timed>> runs = IntStream.range(0, threads)
                .mapToObj(t -> pool.submit(() -> timedConversions(compose, perThread))).toList();
        long[] latencies = new long[0];
        long allocated = 0;
        for (Future<Timed> run : runs) {
            Timed timed = run.get();
            latencies = concat(latencies, timed.latencies());
            allocated += timed.allocatedBytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("%s: %d conversions in %.2f s = %.0f/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; %.0f KiB allocated per conversion%n",
                what, latencies.length, seconds, latencies.length / seconds, millis(latencies, 50),
                millis(latencies, 95), millis(latencies, 99), latencies[latencies.length - 1] / 1e6,
                allocated / 1024.0 / latencies.length);
    }

    /** The latencies of {@code count} conversions on this thread, and what they allocated. */
    private record Timed(long[] latencies, long allocatedBytes) {
    }

    private Timed timedConversions(String compose, int count) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            convert(compose);
            latencies[i] = System.nanoTime() - t;
        }
        return new Timed(latencies, threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    private void convertTimes(String compose, int count) {
        for (int i = 0; i < count; i++) {
            convert(compose);
        }
    }

    private void convert(String compose) {
        converter.convert("bench", compose, ENVIRONMENT, FILES, content -> new SealedValue("bench", "sealed"));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double millis(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** {@code services} services, each on a front and a back network, the last reading the database secret. */
    private static String compose(int services) {
        String body = IntStream.range(0, services).mapToObj(i -> """
                  svc%1$d:
                    image: registry.example.com/app-%1$d:${TAG}
                    environment:
                      ROLE: service-%1$d
                      LOG_LEVEL: ${LOG_LEVEL:-info}
                    ports:
                      - target: 80
                        published: %2$d
                        mode: host
                    networks: [front, back]
                    secrets: [db_password]
                    healthcheck:
                      test: ["CMD", "wget", "-q", "-O-", "http://localhost/health"]
                      interval: 10s
                      retries: 3
                    deploy:
                      replicas: ${REPLICAS}
                      resources:
                        limits: {cpus: "0.5", memory: 256M}
                      update_config: {parallelism: 1, delay: 5s, failure_action: rollback, order: start-first}
                      placement:
                        constraints: [node.role == worker]
                      labels:
                        tier: web
                """.formatted(i, 20000 + i)).collect(Collectors.joining());
        return """
                version: "3.9"
                services:
                %snetworks:
                  front:
                  back:
                    driver: overlay
                    attachable: true
                secrets:
                  db_password:
                    file: ./db_password.txt
                """.formatted(body);
    }
}
