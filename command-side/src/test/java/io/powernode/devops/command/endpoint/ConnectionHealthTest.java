package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.ConnectionTransition.Connected;
import io.powernode.devops.command.endpoint.ConnectionTransition.Disconnected;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceEnded;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceStarted;
import io.powernode.devops.command.endpoint.ConnectionTransition.MarkedError;
import io.powernode.devops.command.endpoint.ConnectionTransition.RecoveryRecorded;
import io.powernode.devops.command.endpoint.ConnectionTransition.SyncFailed;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DomainError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection lifecycle on its own: what each happening means, and how recording it changes the health. */
class ConnectionHealthTest {

    private static final Instant T1 = Instant.parse("2026-05-20T10:01:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final String ERROR = "connection refused";

    private static final ConnectionHealth CONNECTED = ConnectionHealth.pending().afterConnected(T1);

    private static ConnectionHealth failedSyncs(ConnectionStatus status, int failures) {
        return new ConnectionHealth(status, failures, T1);
    }

    @Test
    void a_new_endpoint_is_pending_without_failures_or_observations() {
        assertThat(ConnectionHealth.pending()).isEqualTo(new ConnectionHealth(ConnectionStatus.pending, 0, null));
    }

    @Test
    void the_first_success_connects_a_pending_endpoint() {
        assertThat(ConnectionHealth.pending().syncSucceeded(T1))
                .containsExactly(new Connected(ConnectionStatus.pending, "First successful sync", T1));
    }

    @Test
    void a_success_of_a_connected_endpoint_changes_nothing() {
        assertThat(CONNECTED.syncSucceeded(T2)).isEmpty();
    }

    @Test
    void a_reconnection_says_after_how_many_failures() {
        assertThat(failedSyncs(ConnectionStatus.disconnected, 3).syncSucceeded(T2))
                .containsExactly(new Connected(ConnectionStatus.disconnected, "Answers again after 3 failed syncs",
                        T2));
    }

    @Test
    void a_success_in_error_is_a_recovery_from_error() {
        assertThat(failedSyncs(ConnectionStatus.error, 5).syncSucceeded(T2)).containsExactly(
                new Connected(ConnectionStatus.error, "Recovered from error: answers again after 5 failed syncs", T2));
    }

    @Test
    void the_first_failure_of_a_connected_endpoint_counts_and_disconnects() {
        assertThat(CONNECTED.syncFailed(ERROR, T2))
                .containsExactly(new SyncFailed(1, ERROR, T2), new Disconnected(ERROR, T2));
    }

    @Test
    void a_failure_below_the_threshold_is_only_counted() {
        assertThat(failedSyncs(ConnectionStatus.pending, 3).syncFailed(ERROR, T2))
                .containsExactly(new SyncFailed(4, ERROR, T2));
    }

    @Test
    void the_fifth_failure_marks_the_error_with_the_status_it_ends() {
        assertThat(failedSyncs(ConnectionStatus.disconnected, 4).syncFailed(ERROR, T2)).containsExactly(
                new SyncFailed(5, ERROR, T2),
                new MarkedError(ConnectionStatus.disconnected, 5,
                        "5 consecutive syncs failed; last error: connection refused", T2));
    }

    @Test
    void failures_in_error_are_counted_without_marking_again() {
        assertThat(failedSyncs(ConnectionStatus.error, 5).syncFailed(ERROR, T2))
                .containsExactly(new SyncFailed(6, ERROR, T2));
    }

    @Test
    void observations_older_than_the_last_recorded_one_are_not_accepted() {
        assertThat(CONNECTED.accepts(T1.minusSeconds(1))).isFalse();
        assertThat(CONNECTED.accepts(T1)).isTrue();
        assertThat(ConnectionHealth.pending().accepts(T1)).isTrue();
    }

    @Test
    void no_observation_is_accepted_during_maintenance() {
        assertThat(CONNECTED.afterMaintenanceStarted().accepts(T2)).isFalse();
    }

    @Test
    void maintenance_starts_once_and_remembers_the_status_it_interrupts() {
        assertThat(CONNECTED.startMaintenance("upgrade", T2))
                .containsExactly(new MaintenanceStarted(ConnectionStatus.connected, "upgrade", T2));
        assertThat(CONNECTED.afterMaintenanceStarted().startMaintenance("again", T2)).isEmpty();
    }

    @Test
    void maintenance_ends_only_when_started_with_a_code_naming_the_kind() {
        assertThat(CONNECTED.afterMaintenanceStarted().endMaintenance(Kind.swarm_cluster, T2))
                .containsExactly(new MaintenanceEnded(T2));
        assertThatThrownBy(() -> CONNECTED.endMaintenance(Kind.swarm_cluster, T2))
                .isInstanceOfSatisfying(DomainError.class,
                        error -> assertThat(error.code()).isEqualTo("cluster_not_in_maintenance"));
    }

    @Test
    void the_end_of_maintenance_makes_the_endpoint_pending_without_failures() {
        ConnectionHealth ended = failedSyncs(ConnectionStatus.error, 7).afterMaintenanceStarted()
                .afterMaintenanceEnded();

        assertThat(ended).isEqualTo(new ConnectionHealth(ConnectionStatus.pending, 0, T1));
    }

    @Test
    void a_recovery_clears_the_failures_it_reports() {
        ConnectionHealth inError = failedSyncs(ConnectionStatus.error, 5);

        assertThat(inError.recordRecovery(Kind.docker_host, T2))
                .containsExactly(new RecoveryRecorded(ConnectionStatus.error, 5, T2));
        assertThat(inError.afterRecovery()).isEqualTo(new ConnectionHealth(ConnectionStatus.connected, 0, T1));
    }

    @Test
    void a_recovery_of_a_healthy_endpoint_is_nothing_to_record() {
        assertThat(CONNECTED.recordRecovery(Kind.docker_host, T2)).isEmpty();
    }

    @Test
    void a_recovery_during_maintenance_is_refused_with_a_code_naming_the_kind() {
        assertThatThrownBy(() -> CONNECTED.afterMaintenanceStarted().recordRecovery(Kind.docker_host, T2))
                .isInstanceOfSatisfying(DomainError.class,
                        error -> assertThat(error.code()).isEqualTo("host_in_maintenance"));
    }

    @Test
    void recorded_failures_observations_and_status_changes_update_the_health() {
        assertThat(CONNECTED.afterSyncFailed(1, T2)).isEqualTo(new ConnectionHealth(ConnectionStatus.connected, 1, T2));
        assertThat(CONNECTED.afterObservation(T2).lastObservedAt()).isEqualTo(T2);
        assertThat(CONNECTED.afterSyncFailed(1, T2).afterDisconnected())
                .isEqualTo(new ConnectionHealth(ConnectionStatus.disconnected, 1, T2));
        assertThat(CONNECTED.afterMarkedError().status()).isEqualTo(ConnectionStatus.error);
    }
}
