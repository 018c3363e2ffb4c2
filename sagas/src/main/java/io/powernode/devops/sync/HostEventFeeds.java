package io.powernode.devops.sync;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerEventFollower;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.secrets.CredentialSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live Docker event stream of every host that is not in maintenance. Each event is recorded on the host;
 * events that change the inventory, a dropped stream (how a stopped daemon is noticed quickly) and a stream
 * re-opened after a drop all ask for an extra sync.
 */
@Component
public class HostEventFeeds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostEventFeeds.class);
    private static final Set<String> INVENTORY_TYPES = Set.of("container", "image", "network", "volume");

    private final DockerClientFactory factory;
    private final CredentialSealer sealer;
    private final SyncCommands commands;
    private final SyncSettings settings;
    private final ScheduledExecutorService reconnects;
    private final Map<String, DockerEventFollower> followers = new ConcurrentHashMap<>();

    public HostEventFeeds(DockerClientFactory factory, CredentialSealer sealer, SyncCommands commands,
                          SyncSettings settings) {
        this.factory = factory;
        this.sealer = sealer;
        this.commands = commands;
        this.settings = settings;
        this.reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "docker-event-reconnect");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts (or restarts, for new connection details) following the host's events from now on. */
    public void follow(SyncTarget target, Runnable inventoryMayHaveChanged) {
        stop(target.hostId());
        DockerEventFollower follower;
        try {
            follower = new DockerEventFollower(target.apiEndpoint(),
                    factory.forStreaming(target.connection(sealer)),
                    new Listener(target, inventoryMayHaveChanged), settings.followerBackoff(), reconnects);
        } catch (RuntimeException e) {
            // unusable credentials or endpoint: the next sync reports it to the user
            log.info("not following events of host {}: {}", target.hostId(),
                    DockerFailures.reason(e));
            return;
        }
        followers.put(target.hostId(), follower);
        follower.start(Instant.now());
    }

    public void stop(String hostId) {
        DockerEventFollower follower = followers.remove(hostId);
        if (follower != null) {
            follower.close();
        }
    }

    @Override
    public void close() {
        followers.keySet().forEach(this::stop);
        reconnects.shutdownNow();
    }

    private final class Listener implements DockerEventFollower.Listener {
        private final SyncTarget target;
        private final Runnable inventoryMayHaveChanged;
        private final AtomicBoolean dropped = new AtomicBoolean();

        Listener(SyncTarget target, Runnable inventoryMayHaveChanged) {
            this.target = target;
            this.inventoryMayHaveChanged = inventoryMayHaveChanged;
        }

        @Override
        public void onEvent(DockerEventRecord event) {
            commands.send(target.accountId(), new RecordDockerEvent(target.hostId(), event));
            if (INVENTORY_TYPES.contains(event.type())) {
                inventoryMayHaveChanged.run();
            }
        }

        @Override
        public void onStreamDropped(String reason) {
            dropped.set(true);
            inventoryMayHaveChanged.run();
        }

        @Override
        public void onStreamOpened() {
            if (dropped.getAndSet(false)) {
                inventoryMayHaveChanged.run();
            }
        }
    }
}
