package io.powernode.devops.sync;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** How the sync's reports fare when the host or cluster cannot take them. */
class SyncCommandsTest {

    private static final RecordDockerEvent EVENT = new RecordDockerEvent("h1",
            new DockerEventRecord("container", "start", "c1", Map.of(), "local", 1L));

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anEventIsRetriedAfterATransientFailure() {
        SyncCommands commands = failing(attempt -> attempt <= 2 ? new IllegalStateException("bus busy") : null);

        assertThat(commands.sendEvent("acc-1", "h1", EVENT)).isTrue();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anEventIsGivenUpAfterAFewBriefAttempts() {
        SyncCommands commands = failing(attempt -> new IllegalStateException("bus down"));
        long start = System.nanoTime();

        assertThat(commands.sendEvent("acc-1", "h1", EVENT)).isFalse();
        assertThat(attempts).hasValue(4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anEventTheHostRefusesIsDroppedWithoutRetry() {
        List<RuntimeException> refusals = List.of(
                new AggregateNotFoundException("h1", "no such host"),
                new AggregateDeletedException("h1", "host removed"),
                DomainError.notFound("host_not_found", "no host h1"),
                // how a refusal comes back over a distributed bus
                new CommandExecutionException("refused", null,
                        DomainError.ruleViolation("some_rule", "refused").details()));
        for (RuntimeException refusal : refusals) {
            attempts.set(0);

            assertThat(failing(attempt -> refusal).sendEvent("acc-1", "h1", EVENT)).as(refusal.toString()).isFalse();
            assertThat(attempts).as(refusal.toString()).hasValue(1);
        }
    }

    @Test
    void aSwarmEventIsRetriedAndRefusedAsAHostEventIs() {
        RecordSwarmEvent swarmEvent = new RecordSwarmEvent("c1",
                new DockerEventRecord("service", "create", "s1", Map.of(), "swarm", 1L));

        assertThat(failing(attempt -> attempt == 1 ? new IllegalStateException("bus busy") : null)
                .sendEvent("acc-1", "c1", swarmEvent)).isTrue();
        assertThat(attempts).hasValue(2);
        attempts.set(0);
        assertThat(failing(attempt -> new AggregateNotFoundException("c1", "no such cluster"))
                .sendEvent("acc-1", "c1", swarmEvent)).isFalse();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSyncReportIsTriedOnceTheNextSyncRepeatsIt() {
        SyncCommands commands = failing(attempt -> new IllegalStateException("bus down"));

        commands.send("acc-1", new RecordHostSyncFailure("h1", "cannot sync", Instant.now()));

        assertThat(attempts).hasValue(1);
    }

    /** @param failureOnAttempt what the n-th attempt (from 1) throws; null to succeed */
    private SyncCommands failing(IntFunction<RuntimeException> failureOnAttempt) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordDockerEvent.class, RecordSwarmEvent.class, RecordHostSyncFailure.class)) {
            bus.subscribe(type.getName(), message -> {
                RuntimeException failure = failureOnAttempt.apply(attempts.incrementAndGet());
                if (failure != null) {
                    throw failure;
                }
                return null;
            });
        }
        return new SyncCommands(DefaultCommandGateway.builder().commandBus(bus).build());
    }
}
