package io.powernode.devops.sync;

import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a cluster's sync is followed by another soon: while Swarm is still moving tasks around. */
class ClusterConvergenceTest {

    @Test
    void aServiceRunningAllItsReplicasIsAtRest() {
        assertThat(converging(service(2, 2, null), task("running", "running"), task("shutdown", "failed"))).isFalse();
    }

    @Test
    void aServiceShortOfItsReplicasIsConverging() {
        assertThat(converging(service(3, 2, null), task("running", "running"))).isTrue();
    }

    @Test
    void anUpdateInProgressIsConverging() {
        assertThat(converging(service(2, 2, "updating"), task("running", "running"))).isTrue();
        assertThat(converging(service(2, 2, "rollback_completed"), task("running", "running"))).isFalse();
    }

    @Test
    void aTaskBeingPreparedOrStillRunningAfterItWasToldToStopIsConverging() {
        assertThat(converging(service(2, 2, null), task("ready", "preparing"))).isTrue();
        assertThat(converging(service(2, 2, null), task("shutdown", "running"))).isTrue();
    }

    private static boolean converging(ServiceSummary service, TaskSummary... tasks) {
        return ClusterSyncStrategy.converging(new ClusterSnapshot(null, List.of(), List.of(service), List.of(tasks),
                List.of(), List.of(), List.of(), List.of(), Instant.now()));
    }

    private static ServiceSummary service(int desired, int running, String updateState) {
        return new ServiceSummary("svc", "web", ServiceMode.replicated, "web:1", desired, running, updateState, null,
                Map.of(), 1);
    }

    private static TaskSummary task(String desiredState, String state) {
        return new TaskSummary("task-" + desiredState + state, "svc", "node", 1, desiredState, state, null, null);
    }
}
