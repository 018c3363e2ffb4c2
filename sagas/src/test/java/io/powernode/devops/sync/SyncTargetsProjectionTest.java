package io.powernode.devops.sync;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDetailsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The sync_targets table on H2 with the real migration, and what the scheduler is told. */
class SyncTargetsProjectionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final SealedCredentials SEALED = new SealedCredentials("mk-1", "c2VhbGVk");

    private final SyncTargets targets = new SyncTargets(H2Database.migrated());
    private final List<String> told = new ArrayList<>();
    private final SyncTargetsProjection projection = new SyncTargetsProjection(targets, new SyncTargetChanges() {
        @Override
        public void targetChanged(SyncTarget target, boolean syncNow) {
            told.add((syncNow ? "sync now " : "schedule ") + target.endpointId()
                    + (target.inMaintenance() ? " (maintenance)" : ""));
        }

        @Override
        public void targetRemoved(String endpointId) {
            told.add("removed " + endpointId);
        }
    });

    @Test
    void aRegisteredHostIsStoredWithSealedCredentialsAndSyncedAtOnce() {
        projection.on(registered("h1"));

        assertThat(targets.find("h1")).contains(
                new SyncTarget("h1", EndpointKind.docker_host, "acc-1", "tcp://10.0.0.5:2376", true, SEALED, 30, false));
        assertThat(told).containsExactly("sync now h1");
    }

    @Test
    void anIntervalChangeReschedulesButAConnectionChangeSyncsAtOnce() {
        projection.on(registered("h1"));

        projection.on(new HostDetailsChanged("h1", "acc-1", "n", "tcp://10.0.0.5:2376", DeploymentEnvironment.staging, true,
                90, List.of("sync_interval_seconds"), NOW));
        projection.on(new HostDetailsChanged("h1", "acc-1", "n", "tcp://10.0.0.6:2376", DeploymentEnvironment.staging, true,
                90, List.of("api_endpoint"), NOW));
        projection.on(new HostCredentialsReplaced("h1", "acc-1", null, NOW));

        assertThat(targets.find("h1")).contains(
                new SyncTarget("h1", EndpointKind.docker_host, "acc-1", "tcp://10.0.0.6:2376", true, null, 90, false));
        assertThat(told).containsExactly("sync now h1", "schedule h1", "sync now h1", "sync now h1");
    }

    @Test
    void maintenancePausesAndItsEndSyncsAtOnce() {
        projection.on(registered("h1"));

        projection.on(new HostMaintenanceStarted("h1", "acc-1", ConnectionStatus.connected, "kernel update", NOW));
        assertThat(targets.find("h1")).hasValueSatisfying(t -> assertThat(t.inMaintenance()).isTrue());
        projection.on(new HostMaintenanceEnded("h1", "acc-1", NOW));
        projection.on(new HostRecoveryRecorded("h1", "acc-1", ConnectionStatus.error, 5, NOW));

        assertThat(targets.find("h1")).hasValueSatisfying(t -> assertThat(t.inMaintenance()).isFalse());
        assertThat(told).containsExactly("sync now h1", "schedule h1 (maintenance)", "sync now h1", "sync now h1");
    }

    @Test
    void aRemovedHostIsDeletedAndAReplayStartsFromAnEmptyTable() {
        projection.on(registered("h1"));
        projection.on(registered("h2"));
        projection.on(registered("h2"));

        projection.on(new HostRemoved("h1", "acc-1", "n", NOW));

        assertThat(targets.findAll()).extracting(SyncTarget::endpointId).containsExactly("h2");
        assertThat(told).endsWith("removed h1");
        projection.reset();
        assertThat(targets.findAll()).isEmpty();
    }

    @Test
    void aRegisteredClusterIsStoredByItsManagerEndpointAndSyncedAtOnce() {
        projection.on(clusterRegistered("c1"));

        assertThat(targets.find("c1")).contains(new SyncTarget("c1", EndpointKind.swarm_cluster, "acc-1",
                "tcp://10.0.0.9:2376", true, SEALED, 45, false));
        assertThat(told).containsExactly("sync now c1");
    }

    @Test
    void aClusterIntervalChangeReschedulesButANewManagerEndpointOrCredentialsSyncAtOnce() {
        projection.on(clusterRegistered("c1"));

        projection.on(new ClusterDetailsChanged("c1", "acc-1", "swarm", "tcp://10.0.0.9:2376",
                DeploymentEnvironment.production, true, 120, List.of("sync_interval_seconds"), NOW));
        projection.on(new ClusterDetailsChanged("c1", "acc-1", "swarm", "tcp://10.0.0.10:2376",
                DeploymentEnvironment.production, false, 120, List.of("manager_endpoint", "tls_verify"), NOW));
        SealedCredentials replaced = new SealedCredentials("mk-2", "bmV3");
        projection.on(new ClusterCredentialsReplaced("c1", "acc-1", replaced, NOW));

        assertThat(targets.find("c1")).contains(new SyncTarget("c1", EndpointKind.swarm_cluster, "acc-1",
                "tcp://10.0.0.10:2376", false, replaced, 120, false));
        assertThat(told).containsExactly("sync now c1", "schedule c1", "sync now c1", "sync now c1");
    }

    @Test
    void clusterMaintenancePausesAndItsEndOrARecordedRecoverySyncsAtOnce() {
        projection.on(clusterRegistered("c1"));

        projection.on(new ClusterMaintenanceStarted("c1", "acc-1", ConnectionStatus.connected, "upgrade", NOW));
        assertThat(targets.find("c1")).hasValueSatisfying(t -> assertThat(t.inMaintenance()).isTrue());
        projection.on(new ClusterMaintenanceEnded("c1", "acc-1", NOW));
        projection.on(new ClusterRecoveryRecorded("c1", "acc-1", ConnectionStatus.error, 5, NOW));

        assertThat(targets.find("c1")).hasValueSatisfying(t -> assertThat(t.inMaintenance()).isFalse());
        assertThat(told).containsExactly("sync now c1", "schedule c1 (maintenance)", "sync now c1", "sync now c1");
    }

    @Test
    void aRemovedClusterIsDeletedAndTheHostsBesideItStay() {
        projection.on(registered("h1"));
        projection.on(clusterRegistered("c1"));

        projection.on(new ClusterRemoved("c1", "acc-1", "swarm", NOW));

        assertThat(targets.findAll()).extracting(SyncTarget::endpointId, SyncTarget::kind)
                .containsExactly(tuple("h1", EndpointKind.docker_host));
        assertThat(told).endsWith("removed c1");
    }

    @Test
    void eventsOfAnUnknownClusterChangeNothing() {
        projection.on(new ClusterMaintenanceEnded("c9", "acc-1", NOW));
        projection.on(new ClusterCredentialsReplaced("c9", "acc-1", SEALED, NOW));

        assertThat(targets.findAll()).isEmpty();
        assertThat(told).isEmpty();
    }

    private static ClusterRegistered clusterRegistered(String clusterId) {
        return new ClusterRegistered(clusterId, "acc-1", "swarm", "tcp://10.0.0.9:2376",
                DeploymentEnvironment.production, true, SEALED, 45, NOW);
    }

    private static HostRegistered registered(String hostId) {
        return new HostRegistered(hostId, "acc-1", "n", "tcp://10.0.0.5:2376", DeploymentEnvironment.staging, true, SEALED,
                30, NOW);
    }
}
