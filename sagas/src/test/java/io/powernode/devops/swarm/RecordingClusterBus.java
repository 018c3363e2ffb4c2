package io.powernode.devops.swarm;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Axon command gateway whose bus stands in for the SwarmCluster aggregate: it lets each operation begin
 * once, refusing a second begin as the aggregate does, and records every command it was sent.
 */
final class RecordingClusterBus {

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final Set<String> begun = ConcurrentHashMap.newKeySet();
    private final CommandGateway gateway;

    RecordingClusterBus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(BeginSwarmOperation.class.getName(), message -> {
            sent.add(message);
            String operationId = ((BeginSwarmOperation) message.getPayload()).operationId();
            if (!begun.add(operationId)) {
                throw DomainError.conflict("operation_not_pending", null,
                        "Operation " + operationId + " is not waiting to start");
            }
            return null;
        });
        for (Class<?> outcome : List.of(RecordSwarmOperationSucceeded.class, RecordSwarmOperationFailed.class)) {
            bus.subscribe(outcome.getName(), message -> {
                sent.add(message);
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
}
