package io.powernode.devops.sync;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerClients;
import io.powernode.devops.docker.HostInventoryReader;
import io.powernode.devops.docker.SwarmInventoryReader;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.secrets.AesGcmCredentialSealer;
import io.powernode.devops.secrets.MasterKey;
import io.powernode.devops.testing.TestDockerEngine;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * The sync's real parts, wired as the app wires them, around a {@link RecordingCommandBus} and a fresh H2
 * {@code sync_targets} table holding the given targets. The scheduler is not started.
 */
final class SyncFixture implements AutoCloseable {

    final RecordingCommandBus bus;
    final SyncTargets targets = new SyncTargets(H2Database.migrated());
    final SyncLedger ledger = new SyncLedger();
    final EndpointEventFeeds feeds;
    final SyncScheduler scheduler;
    private final DockerClients clients;

    SyncFixture(SyncSettings settings, RecordingCommandBus bus, SyncTarget... known) {
        this.bus = bus;
        for (SyncTarget target : known) {
            targets.save(target);
        }
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(
                MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
        DockerClientFactory factory = new DockerClientFactory(settings.dockerTimeouts());
        SyncCommands commands = new SyncCommands(bus.gateway());
        EndpointLocks locks = new EndpointLocks();
        SyncStrategies strategies = new SyncStrategies(List.of(
                new HostSyncStrategy(new HostInventoryReader(Clock.systemUTC())),
                new ClusterSyncStrategy(new SwarmInventoryReader(Clock.systemUTC()))));
        clients = new DockerClients(factory);
        feeds = new EndpointEventFeeds(factory, sealer, strategies, commands, targets, locks, settings);
        EndpointSync endpointSync = new EndpointSync(sealer, clients, strategies, commands, ledger, locks);
        scheduler = new SyncScheduler(targets, endpointSync, feeds, ledger, settings);
    }

    /** The actions of the recorded Docker events whose actor is named {@code name} (containers, volumes). */
    List<String> eventActionsOf(String name) {
        return bus.payloads(RecordDockerEvent.class).stream()
                .filter(e -> name.equals(e.event().attributes().get("name")))
                .map(e -> e.event().action())
                .toList();
    }

    /** Runs a container on the machine's engine to its end and removal; returns its name. */
    static String runContainer(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        TestDockerEngine.docker("run", "--rm", "--network", "none", "--name", name, TestDockerEngine.TEST_IMAGE, "true");
        return name;
    }

    /**
     * Runs containers on the machine's engine until the removal of one is recorded: a feed opens its stream
     * in the background, so this is how a test knows it is live. Returns that container's name.
     */
    String runContainersUntilFollowed(String prefix) {
        List<String> names = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            names.add(runContainer(prefix));
            return names.stream().anyMatch(name -> eventActionsOf(name).contains("destroy"));
        });
        return names.stream().filter(name -> eventActionsOf(name).contains("destroy")).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        if (scheduler.isRunning()) {
            scheduler.stop();
        }
        feeds.close();
        clients.close();
    }
}
