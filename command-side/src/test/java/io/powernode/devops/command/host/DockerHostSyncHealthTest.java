package io.powernode.devops.command.host;

import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostMarkedError;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.common.ConnectionStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.powernode.devops.command.host.HostTestData.*;

/** How syncs and their failures move a host through pending, connected, disconnected and error. */
class DockerHostSyncHealthTest {

    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryHostNameRegistry());
    }

    @Test
    void the_first_sync_connects_a_pending_host_and_records_its_whole_inventory() {
        List<Object> expected = new ArrayList<>();
        expected.add(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.pending, "First successful sync", T1));
        expected.addAll(usualInventoryRecorded(T1));

        fixture.given(hostRegistered())
                .when(sync(usualSnapshot(T1)))
                .expectEvents(expected.toArray());
    }

    @Test
    void a_pending_host_stays_pending_below_five_failures() {
        fixture.given(hostRegistered(), syncFailed(1, T1), syncFailed(2, T2), syncFailed(3, T3))
                .when(syncFailure(T4))
                .expectEvents(syncFailed(4, T4));
    }

    @Test
    void a_pending_host_that_finally_answers_says_after_how_many_failures() {
        fixture.given(hostRegistered(), syncFailed(1, T1), syncFailed(2, T2))
                .when(sync(new HostSnapshot(null, List.of(), List.of(), List.of(), List.of(), T3)))
                .expectEvents(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.pending,
                        "First successful sync after 2 failed syncs", T3));
    }

    @Test
    void the_fifth_failure_puts_a_pending_host_in_error() {
        fixture.given(hostRegistered(), syncFailed(1, T1), syncFailed(2, T2), syncFailed(3, T3), syncFailed(4, T4))
                .when(syncFailure(T5))
                .expectEvents(syncFailed(5, T5), new HostMarkedError(HOST_ID, ACCOUNT, ConnectionStatus.pending, 5,
                        "5 consecutive syncs failed; last error: connection refused", T5));
    }

    @Test
    void the_first_failure_disconnects_a_connected_host() {
        fixture.given(connectedHost())
                .when(syncFailure(T2))
                .expectEvents(syncFailed(1, T2), new HostDisconnected(HOST_ID, ACCOUNT, "connection refused", T2));
    }

    @Test
    void the_fifth_failure_puts_a_once_connected_host_in_error() {
        List<Object> history = hostInError();
        // the same host just before its fifth failure
        List<Object> beforeFifthFailure = history.subList(0, history.size() - 2);

        fixture.given(beforeFifthFailure)
                .when(syncFailure(T6))
                .expectEvents(syncFailed(5, T6), new HostMarkedError(HOST_ID, ACCOUNT, ConnectionStatus.disconnected, 5,
                        "5 consecutive syncs failed; last error: connection refused", T6));
    }

    @Test
    void a_host_in_error_keeps_counting_failures_without_being_marked_again() {
        fixture.given(hostInError())
                .when(syncFailure(T6.plusSeconds(60)))
                .expectEvents(syncFailed(6, T6.plusSeconds(60)));
    }

    @Test
    void a_sync_reconnects_a_disconnected_host() {
        fixture.given(connectedHost())
                .andGiven(syncFailed(1, T2), new HostDisconnected(HOST_ID, ACCOUNT, "connection refused", T2))
                .when(sync(usualSnapshot(T3)))
                .expectEvents(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.disconnected,
                        "Answers again after 1 failed sync", T3));
    }

    @Test
    void a_sync_brings_a_host_back_from_error() {
        fixture.given(hostInError())
                .when(sync(usualSnapshot(T6.plusSeconds(60))))
                .expectEvents(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.error,
                        "Recovered from error: answers again after 5 failed syncs", T6.plusSeconds(60)));
    }

    @Test
    void a_failure_observed_before_the_last_recorded_sync_is_ignored() {
        fixture.given(connectedHost())
                .when(syncFailure(T1.minusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_success_observed_before_the_last_recorded_failure_is_ignored() {
        fixture.given(connectedHost())
                .andGiven(syncFailed(1, T3), new HostDisconnected(HOST_ID, ACCOUNT, "connection refused", T3))
                .when(sync(usualSnapshot(T2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
