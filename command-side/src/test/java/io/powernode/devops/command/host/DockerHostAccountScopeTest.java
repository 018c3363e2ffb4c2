package io.powernode.devops.command.host;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.common.ConnectionStatus;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.host.HostTestData.*;

/** A host answers only to its own account; to anyone else, and once removed, it does not exist. */
class DockerHostAccountScopeTest {

    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryHostNameRegistry());
    }

    static Stream<Object> userCommandsFromAnotherAccount() {
        return userCommandsFrom(OTHER_ACCOUNT);
    }

    static Stream<Object> userCommandsFromTheOwner() {
        return userCommandsFrom(ACCOUNT);
    }

    private static Stream<Object> userCommandsFrom(String accountId) {
        return Stream.of(
                new UpdateHost(HOST_ID, accountId, "renamed", null, null, null, null, false, null, null),
                new RemoveHost(HOST_ID, accountId),
                new StartHostMaintenance(HOST_ID, accountId, "kernel upgrade"),
                new EndHostMaintenance(HOST_ID, accountId),
                new RecordHostRecovery(HOST_ID, accountId));
    }

    @ParameterizedTest
    @MethodSource("userCommandsFromAnotherAccount")
    void a_command_from_another_account_finds_no_host(Object command) {
        fixture.given(hostRegistered(), new HostMaintenanceStarted(HOST_ID, ACCOUNT, ConnectionStatus.pending, "kernel upgrade", NOW))
                .when(command)
                .expectException(domainError(Kind.NOT_FOUND, "host_not_found"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("userCommandsFromTheOwner")
    void a_command_on_a_removed_host_finds_no_host(Object command) {
        fixture.given(hostRegistered(), new HostRemoved(HOST_ID, ACCOUNT, NAME, NOW))
                .when(command)
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }
}
