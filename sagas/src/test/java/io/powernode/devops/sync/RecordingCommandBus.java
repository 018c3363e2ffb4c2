package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSync;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Axon command gateway whose bus only records what the sync sends, in place of the host and cluster
 * aggregates. It may take a while to handle each command, as a busy host would, and counts how many it handled
 * at once.
 */
final class RecordingCommandBus {

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger handling = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CommandGateway gateway;

    RecordingCommandBus() {
        this(Duration.ZERO);
    }

    RecordingCommandBus(Duration handlingTime) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordHostSync.class, RecordHostSyncFailure.class, RecordDockerEvent.class,
                RecordClusterSync.class, RecordClusterSyncFailure.class, RecordSwarmEvent.class)) {
            bus.subscribe(type.getName(), message -> {
                mostAtOnce.accumulateAndGet(handling.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(handlingTime.toMillis());
                    sent.add(message);
                } finally {
                    handling.decrementAndGet();
                }
                return null;
            });
        }
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    CommandGateway gateway() {
        return gateway;
    }

    List<CommandMessage<?>> sent() {
        return List.copyOf(sent);
    }

    <T> List<T> payloads(Class<T> type) {
        return sent.stream().map(CommandMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    /** The most commands of any kind that were being handled at the same time. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }
}
