package io.powernode.devops.command.host;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.common.ConnectionStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.host.HostTestData.*;

/** What an operator decides about a host's status: maintenance windows and the manual record_success. */
class DockerHostMaintenanceTest {

    private static final String REASON = "kernel upgrade";
    private static final HostMaintenanceStarted MAINTENANCE_STARTED =
            new HostMaintenanceStarted(HOST_ID, ACCOUNT, ConnectionStatus.connected, REASON, NOW);

    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryHostNameRegistry());
    }

    @Test
    void starting_maintenance_remembers_the_status_it_interrupts() {
        fixture.given(connectedHost())
                .andGivenCurrentTime(NOW)
                .when(new StartHostMaintenance(HOST_ID, ACCOUNT, REASON))
                .expectEvents(MAINTENANCE_STARTED);
    }

    @Test
    void starting_maintenance_twice_records_it_once() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED)
                .when(new StartHostMaintenance(HOST_ID, ACCOUNT, "another reason"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ending_maintenance_makes_the_host_pending_until_a_sync_confirms_it() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED)
                .andGivenCurrentTime(NOW)
                .when(new EndHostMaintenance(HOST_ID, ACCOUNT))
                .expectEvents(new HostMaintenanceEnded(HOST_ID, ACCOUNT, NOW));
    }

    @Test
    void the_first_sync_after_maintenance_connects_the_host_again() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED, new HostMaintenanceEnded(HOST_ID, ACCOUNT, NOW))
                .when(sync(usualSnapshot(NOW.plusSeconds(30))))
                .expectEvents(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.pending, "First successful sync",
                        NOW.plusSeconds(30)));
    }

    @Test
    void ending_maintenance_of_a_host_not_in_maintenance_is_refused() {
        fixture.given(connectedHost())
                .when(new EndHostMaintenance(HOST_ID, ACCOUNT))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_not_in_maintenance"));
    }

    @Test
    void syncs_are_ignored_during_maintenance() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED)
                .when(sync(usualSnapshot(NOW.plusSeconds(30))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sync_failures_are_ignored_during_maintenance() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED)
                .when(syncFailure(NOW.plusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recording_a_recovery_clears_the_failures_of_a_host_in_error() {
        fixture.given(hostInError())
                .andGivenCurrentTime(NOW)
                .when(new RecordHostRecovery(HOST_ID, ACCOUNT))
                .expectEvents(new HostRecoveryRecorded(HOST_ID, ACCOUNT, ConnectionStatus.error, 5, NOW));
    }

    @Test
    void recording_a_recovery_reconnects_a_disconnected_host() {
        fixture.given(connectedHost())
                .andGiven(syncFailed(1, T2), new HostDisconnected(HOST_ID, ACCOUNT, "connection refused", T2))
                .andGivenCurrentTime(NOW)
                .when(new RecordHostRecovery(HOST_ID, ACCOUNT))
                .expectEvents(new HostRecoveryRecorded(HOST_ID, ACCOUNT, ConnectionStatus.disconnected, 1, NOW));
    }

    @Test
    void recording_a_recovery_of_a_healthy_host_records_nothing() {
        fixture.given(connectedHost())
                .when(new RecordHostRecovery(HOST_ID, ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recording_a_recovery_during_maintenance_is_refused() {
        fixture.given(connectedHost())
                .andGiven(MAINTENANCE_STARTED)
                .when(new RecordHostRecovery(HOST_ID, ACCOUNT))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_in_maintenance"));
    }
}
