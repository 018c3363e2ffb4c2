package io.powernode.devops.sync;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerEventFollower;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.secrets.CredentialSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live Docker event stream of every host and cluster that is not in maintenance (a cluster's: its manager's
 * stream, filtered by the cluster's {@link EndpointSyncStrategy}). Each event is recorded on the host or
 * cluster, and the newest recorded one is remembered in {@code sync_targets}, so a follower started later
 * (after a platform restart, say) resumes there. Events that change what a sync reads, a dropped stream (how a
 * stopped daemon is noticed quickly) and a stream re-opened after a drop all ask for an extra sync.
 */
@Component
public class EndpointEventFeeds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EndpointEventFeeds.class);

    private final DockerClientFactory factory;
    private final CredentialSealer sealer;
    private final SyncStrategies strategies;
    private final SyncCommands commands;
    private final SyncTargets targets;
    private final EndpointLocks locks;
    private final SyncSettings settings;
    private final ScheduledExecutorService reconnects =
            Executors.newSingleThreadScheduledExecutor(SyncThreads.named("docker-event-reconnect"));
    private final Map<String, DockerEventFollower> followers = new ConcurrentHashMap<>();

    public EndpointEventFeeds(DockerClientFactory factory, CredentialSealer sealer, SyncStrategies strategies,
                              SyncCommands commands, SyncTargets targets, EndpointLocks locks, SyncSettings settings) {
        this.factory = factory;
        this.sealer = sealer;
        this.strategies = strategies;
        this.commands = commands;
        this.targets = targets;
        this.locks = locks;
        this.settings = settings;
    }

    /**
     * Starts following the endpoint's events, or restarts it (new connection details, or a stream that may have
     * died unnoticed), from the newest event recorded for the host or cluster.
     */
    public void follow(SyncTarget target, Runnable inventoryMayHaveChanged) {
        OptionalLong recordedUpTo = targets.eventWatermark(target.endpointId());
        // atomic per endpoint: of concurrent calls, the last one's follower stays and every other one is closed
        followers.compute(target.endpointId(), (endpointId, previous) -> {
            if (previous != null) {
                previous.close();
            }
            DockerEventFollower follower = open(target, inventoryMayHaveChanged);
            if (follower != null) {
                follower.start(recordedUpTo);
            }
            return follower;
        });
    }

    public void stop(String endpointId) {
        DockerEventFollower follower = followers.remove(endpointId);
        if (follower != null) {
            follower.close();
        }
    }

    @Override
    public void close() {
        followers.keySet().forEach(this::stop);
        reconnects.shutdownNow();
    }

    private DockerEventFollower open(SyncTarget target, Runnable inventoryMayHaveChanged) {
        EndpointSyncStrategy strategy = strategies.of(target.kind());
        try {
            return new DockerEventFollower(target.apiEndpoint(), factory.forStreaming(target.connection(sealer)),
                    strategy.eventFilters(), new Listener(target, strategy, inventoryMayHaveChanged),
                    settings.followerBackoff(), reconnects);
        } catch (RuntimeException e) {
            // unusable credentials or endpoint: the next sync reports it to the user
            log.info("not following events of {} {}: {}", target.kind(), target.endpointId(),
                    DockerFailures.reason(e));
            return null;
        }
    }

    private final class Listener implements DockerEventFollower.Listener {
        private final SyncTarget target;
        private final EndpointSyncStrategy strategy;
        private final Runnable inventoryMayHaveChanged;
        private final AtomicBoolean dropped = new AtomicBoolean();

        Listener(SyncTarget target, EndpointSyncStrategy strategy, Runnable inventoryMayHaveChanged) {
            this.target = target;
            this.strategy = strategy;
            this.inventoryMayHaveChanged = inventoryMayHaveChanged;
        }

        @Override
        public boolean onEvent(DockerEventRecord event) {
            String endpointId = target.endpointId();
            boolean recorded = locks.call(endpointId, () ->
                    commands.sendEvent(target.accountId(), endpointId, strategy.event(endpointId, event)));
            if (recorded) {
                targets.advanceEventWatermark(endpointId, event.timeNano());
            }
            if (strategy.asksForSync(event)) {
                inventoryMayHaveChanged.run();
            }
            return recorded;
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
