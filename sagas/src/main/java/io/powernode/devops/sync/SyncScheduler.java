package io.powernode.devops.sync;

import io.powernode.devops.docker.Backoff;
import io.powernode.devops.swarm.ClusterResync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Syncs every host and cluster at its own interval on a bounded pool of workers, at most one sync per endpoint
 * at a time (within a schedule by its state, across a pause and resume by the endpoint's lock in
 * {@link EndpointSync}). After a failure the endpoint is retried sooner, with a backoff that is capped by its
 * interval; events from its live stream ask for a debounced extra sync. On start every known endpoint is
 * synced at once.
 */
@Component
public class SyncScheduler implements SmartLifecycle, SyncTargetChanges, ClusterResync {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncTargets targets;
    private final EndpointSync endpointSync;
    private final EndpointEventFeeds feeds;
    private final SyncLedger ledger;
    private final SyncSettings settings;
    private final Backoff retry;
    private final Map<String, EndpointSchedule> schedules = new ConcurrentHashMap<>();

    private volatile boolean running;
    private ScheduledExecutorService timer;
    private ExecutorService workers;

    public SyncScheduler(SyncTargets targets, EndpointSync endpointSync, EndpointEventFeeds feeds, SyncLedger ledger,
                         SyncSettings settings) {
        this.targets = targets;
        this.endpointSync = endpointSync;
        this.feeds = feeds;
        this.ledger = ledger;
        this.settings = settings;
        this.retry = settings.retryBackoff();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(SyncThreads.named("endpoint-sync-timer"));
        workers = Executors.newFixedThreadPool(settings.workers(), SyncThreads.named("endpoint-sync"));
        // running before loading: a change committed meanwhile is then tracked, not lost
        running = true;
        List<SyncTarget> known = targets.findAll();
        known.forEach(target -> targetChanged(target, true));
        log.info("sync started for {} host(s) and cluster(s)", known.size());
    }

    @Override
    public synchronized void stop() {
        running = false;
        schedules.keySet().forEach(this::pause);
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void targetChanged(SyncTarget target, boolean syncNow) {
        if (!running) {
            return;
        }
        if (target.inMaintenance()) {
            pause(target.endpointId());
            return;
        }
        EndpointSchedule schedule = schedules.computeIfAbsent(target.endpointId(), EndpointSchedule::new);
        SyncTarget previous = schedule.replaceTarget(target);
        boolean newConnection = !target.sameConnectionAs(previous);
        if (newConnection) {
            // the sync's client needs no release here: it is replaced when the connection details differ
            follow(target);
        }
        requestSync(target.endpointId(), syncNow || newConnection ? Duration.ZERO : target.interval());
    }

    @Override
    public void targetRemoved(String endpointId) {
        pause(endpointId);
        ledger.forget(endpointId);
    }

    /** After an operation: sync at once, and the settling syncs follow the swarm until it has converged. */
    @Override
    public void resyncSoon(String clusterId) {
        requestSync(clusterId, Duration.ZERO);
    }

    /**
     * Asks for a sync of the host or cluster within {@code delay}, e.g. right after the platform changed it;
     * a sync already due sooner, or running, covers it. An endpoint that is unknown or paused is left alone.
     */
    public void requestSync(String endpointId, Duration delay) {
        EndpointSchedule schedule = schedules.get(endpointId);
        if (schedule != null && running) {
            schedule.due(delay);
        }
    }

    private void follow(SyncTarget target) {
        feeds.follow(target, () -> requestSync(target.endpointId(), settings.eventDebounce()));
    }

    private void pause(String endpointId) {
        EndpointSchedule schedule = schedules.remove(endpointId);
        boolean idle = schedule != null && schedule.cancel();
        // after the cancel: a cancelled schedule no longer re-opens the event stream
        feeds.stop(endpointId);
        if (idle) {
            endpointSync.release(endpointId);
        }
    }

    /** One endpoint's timer and sync state, guarded by the schedule's lock; the sync itself runs outside it. */
    private final class EndpointSchedule {
        private final String endpointId;
        private SyncTarget target;
        private ScheduledFuture<?> next;
        private boolean syncing;
        private boolean syncAgain;
        private int consecutiveFailures;
        private boolean cancelled;

        EndpointSchedule(String endpointId) {
            this.endpointId = endpointId;
        }

        synchronized SyncTarget replaceTarget(SyncTarget newTarget) {
            SyncTarget previous = target;
            target = newTarget;
            return previous;
        }

        synchronized void due(Duration delay) {
            if (cancelled) {
                return;
            }
            if (syncing) {
                syncAgain = true;
                return;
            }
            if (next != null && !next.isDone() && next.getDelay(TimeUnit.NANOSECONDS) <= delay.toNanos()) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            next = timer.schedule(this::begin, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        /**
         * @return whether no sync is in flight, so the endpoint's client can be released now; otherwise the sync
         * releases it when it ends (a sync queued before the cancel would cache a new client)
         */
        synchronized boolean cancel() {
            cancelled = true;
            if (next != null) {
                next.cancel(false);
            }
            return !syncing;
        }

        private synchronized void begin() {
            if (cancelled || syncing) {
                return;
            }
            syncing = true;
            next = null;
            SyncTarget current = target;
            workers.execute(() -> finish(run(current)));
        }

        private SyncResult run(SyncTarget syncTarget) {
            try {
                return endpointSync.sync(syncTarget);
            } catch (RuntimeException e) {
                log.error("sync of {} {} broke off", syncTarget.kind(), syncTarget.endpointId(), e);
                return SyncResult.FAILED;
            }
        }

        /** Outside the schedule's lock: a release waits for the endpoint's lock, which a sync may hold. */
        private void finish(SyncResult result) {
            if (ended(result)) {
                endpointSync.release(endpointId);
            }
        }

        /** @return whether the schedule was cancelled meanwhile, and this was its last sync */
        private synchronized boolean ended(SyncResult result) {
            boolean answered = result != SyncResult.FAILED;
            syncing = false;
            if (cancelled) {
                return true;
            }
            if (answered && consecutiveFailures > 0) {
                // the stream opened before the outage may be half-open (its daemon died without closing it),
                // and nothing else would notice: a quiet daemon legitimately sends nothing for hours
                follow(target);
            }
            consecutiveFailures = answered ? 0 : consecutiveFailures + 1;
            Duration delay = switch (result) {
                case FAILED -> min(retry.after(consecutiveFailures), target.interval());
                case SETTLING -> min(settings.settlingInterval(), target.interval());
                case STEADY -> target.interval();
            };
            if (syncAgain && answered) {
                delay = min(delay, settings.eventDebounce());
            }
            syncAgain = false;
            if (running) {
                due(delay);
            }
            return false;
        }

        private Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
