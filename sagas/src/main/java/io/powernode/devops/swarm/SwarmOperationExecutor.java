package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.swarm.OperationCommands.Causation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out what users ask of a swarm: for each {@link SwarmOperationRequested} it begins the operation on the
 * cluster, asks Docker, records the outcome and asks for a resync, so the read models show the change soon.
 * <p>
 * At most once: the cluster refuses a second {@link BeginSwarmOperation} for an operation, so an event handled
 * again (after a crash between the Docker call and the token's commit) is skipped without asking Docker. A replay
 * must never redo Docker actions either, hence {@link DisallowReplay} and a processing group of its own, which
 * a replay of the read models never resets.
 */
@Component
@ProcessingGroup(SwarmOperationExecutor.PROCESSING_GROUP)
@DisallowReplay
public class SwarmOperationExecutor implements DisposableBean {

    public static final String PROCESSING_GROUP = "swarm-operations";
    private static final Logger log = LoggerFactory.getLogger(SwarmOperationExecutor.class);

    private final OperationCommands commands;
    private final OperationDispatcher operations;
    private final ClusterResync resync;
    private final ExecutorService workers = Executors.newCachedThreadPool(new WorkerThreads());

    SwarmOperationExecutor(OperationCommands commands, OperationDispatcher operations, ClusterResync resync) {
        this.commands = commands;
        this.operations = operations;
        this.resync = resync;
    }

    /**
     * Runs the operation on a worker thread and waits for it. On the processor's own thread, commands would be
     * handled in units of work nested in the processor's, inside its transaction: the begin would be committed
     * only with the tracking token, after Docker had acted, so a crash in between would lose the begin and let
     * the redelivered event act again. On a thread of its own each command commits when it is handled.
     */
    @EventHandler
    public void on(SwarmOperationRequested event, MetaData metaData, @MessageIdentifier String eventId) {
        Causation causation = Causation.of(event, metaData, eventId);
        Future<?> execution = workers.submit(() -> execute(event, causation));
        try {
            execution.get();
        } catch (ExecutionException e) {
            log.error("operation {} of cluster {} broke off", event.operationId(), event.clusterId(), e.getCause());
        } catch (InterruptedException e) {
            // the worker goes on and reports the outcome; the event, if handled again, is refused its begin
            Thread.currentThread().interrupt();
        }
    }

    private void execute(SwarmOperationRequested event, Causation causation) {
        String type = SwarmOperation.typeOf(event.operation());
        // one attempt id per handling: a begin this attempt retries (its answer lost) is still this attempt's
        String attemptId = UUID.randomUUID().toString();
        if (!commands.begin(causation, new BeginSwarmOperation(event.clusterId(), event.operationId(), attemptId))) {
            log.debug("{} {} of cluster {} was begun before: skipped", type, event.operationId(), event.clusterId());
            return;
        }
        Object outcome;
        try {
            Outcome done = operations.carryOut(event.clusterId(), event.accountId(), event.operation());
            outcome = new RecordSwarmOperationSucceeded(event.clusterId(), event.operationId(), done.resourceId(),
                    done.notes());
            log.info("{} {} of cluster {} succeeded", type, event.operationId(), event.clusterId());
        } catch (RuntimeException e) {
            OperationFailure failure = OperationFailures.classify(e);
            outcome = new RecordSwarmOperationFailed(event.clusterId(), event.operationId(), failure);
            log.info("{} {} of cluster {} failed ({}): {}", type, event.operationId(), event.clusterId(),
                    failure.kind(), failure.message());
        }
        commands.report(causation, outcome);
        try {
            resync.resyncSoon(event.clusterId());
        } catch (RuntimeException e) {
            log.warn("no resync of cluster {} after operation {}: {}", event.clusterId(), event.operationId(), e.toString());
        }
    }

    /** Lets a running operation finish: it is a Docker action under way, and its outcome must be recorded. */
    @Override
    public void destroy() {
        workers.shutdown();
    }

    /** Named for thread dumps; daemons, so a missed shutdown never keeps the JVM up. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "swarm-operation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
