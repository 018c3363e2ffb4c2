package io.powernode.devops.bench;

import io.powernode.devops.e2e.Platform;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostViews.HostView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * How fast the platform absorbs host syncs on its embedded defaults: many hosts reporting at once, each
 * sync changing one container (one event) or nothing (no event), then how long the read model takes to
 * catch up. Prints figures; asserts nothing. Run: {@code ./mvnw -B -pl api-gateway -am test -Pbenchmark
 * -Dtest=HostSyncBenchmark}.
 */
@Tag("benchmark")
class HostSyncBenchmark {

    private static final int HOSTS = 50;
    private static final int SYNCS_PER_HOST = 40;
    private static final int CONTAINERS = 50;
    private static final int CLIENT_THREADS = 8;
    private static final String ACCOUNT = "bench";

    @Test
    void syncsPerSecondLatencyAndReadModelLag() throws Exception {
        // the hosts point at nothing; the syncs sent here are stamped a minute ahead, so the platform's own
        // failing syncs of those endpoints arrive "older" and are ignored, keeping them out of the figures
        try (Platform platform = Platform.start(Map.of("logging.level.root", "WARN"))) {
            CommandGateway commands = platform.bean(CommandGateway.class);
            List<String> hosts = IntStream.range(0, HOSTS).mapToObj(i -> UUID.randomUUID().toString()).toList();
            for (String host : hosts) {
                commands.sendAndWait(new RegisterHost(host, ACCOUNT, "bench-" + host, "tcp://127.0.0.1:1",
                        DeploymentEnvironment.custom, false, null, 3600), metaData());
            }
            Thread.sleep(2000); // let the failing first syncs of the unreachable endpoint settle

            report("syncs that change one container (1 event each)", run(commands, hosts, true));
            report("syncs that find nothing new (no event)", run(commands, hosts, false));

            long lagStart = System.nanoTime();
            awaitReadModel(platform.bean(QueryGateway.class), platform.bean(JdbcTemplate.class), hosts);
            System.out.printf("read model caught up %d ms after the last sync%n", (System.nanoTime() - lagStart) / 1_000_000);

            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap in use after GC: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
    }

    /** One round: every host sends SYNCS_PER_HOST syncs in order, hosts in parallel, as real syncs do. */
    private static long[] run(CommandGateway commands, List<String> hosts, boolean changing) throws Exception {
        AtomicLong clock = new AtomicLong(Instant.now().toEpochMilli() + 60_000);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<long[]>> perHost = new ArrayList<>();
        long start = System.nanoTime();
        for (String host : hosts) {
            perHost.add(pool.submit(() -> {
                long[] latencies = new long[SYNCS_PER_HOST];
                for (int i = 0; i < SYNCS_PER_HOST; i++) {
                    HostSnapshot snapshot = snapshot(changing ? i : 0, Instant.ofEpochMilli(clock.incrementAndGet()));
                    long t = System.nanoTime();
                    commands.sendAndWait(new RecordHostSync(host, snapshot), metaData());
                    latencies[i] = System.nanoTime() - t;
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> future : perHost) {
            Arrays.stream(future.get()).forEach(all::add);
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[]{elapsed, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]};
    }

    private static void report(String what, long[] figures) {
        double seconds = figures[0] / 1e9;
        System.out.printf("%s: %d commands in %.2f s = %.0f commands/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, figures[1], seconds, figures[1] / seconds, figures[2] / 1e6, figures[3] / 1e6, figures[4] / 1e6, figures[5] / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Container 0 flips between running and exited on every changing sync: one HostContainersChanged each. */
    private static HostSnapshot snapshot(int round, Instant observedAt) {
        List<ContainerSummary> containers = IntStream.range(0, CONTAINERS)
                .mapToObj(i -> new ContainerSummary("c" + i, "app-" + i, "app:1", "sha256:" + i,
                        i == 0 && round % 2 == 1 ? "exited" : "running", null, Instant.EPOCH, Map.of("tier", "web")))
                .toList();
        HostSystemInfo info = new HostSystemInfo("bench", "20.10.24", "1.41", "linux", "Debian", "6.1", "x86_64", 2, 1L << 34);
        return new HostSnapshot(info, containers, List.of(), List.of(), List.of(), observedAt);
    }

    /** Until every host's read model shows the last event the store holds for it. */
    private static void awaitReadModel(QueryGateway queries, JdbcTemplate eventStore, List<String> hosts) throws Exception {
        for (String host : hosts) {
            long last = eventStore.queryForObject(
                    "SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, host);
            HostView view = queries.query(new FindHost(ACCOUNT, host), HostView.class).get();
            while (view == null || view.version() < last) {
                Thread.sleep(10);
                view = queries.query(new FindHost(ACCOUNT, host), HostView.class).get();
            }
        }
    }

    private static MetaData metaData() {
        return MetaData.with(MessageMetadata.ACCOUNT_ID, ACCOUNT).and(MessageMetadata.ACTOR_ID, "benchmark")
                .and(MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.system.name());
    }
}
