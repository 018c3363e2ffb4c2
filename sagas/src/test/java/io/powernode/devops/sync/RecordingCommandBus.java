package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real Axon command gateway whose bus only records what the sync sends, in place of the host aggregate. */
final class RecordingCommandBus {

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final CommandGateway gateway;

    RecordingCommandBus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordHostSync.class, RecordHostSyncFailure.class, RecordDockerEvent.class)) {
            bus.subscribe(type.getName(), message -> {
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
