package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterCommands.RemoveCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.UpdateCluster;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDetailsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwarmClusterUpdateTest {

    private static final SealedCredentials NEW_CREDENTIALS = new SealedCredentials("master-2", "bmV3LXNlYWxlZA==");
    private static final String NEW_ENDPOINT = "https://manager-2.example.com:2376";

    private final InMemoryNameRegistry names = new InMemoryNameRegistry();
    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(names);
        names.claim(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID);
    }

    /** An update that leaves every field as it is unless the test sets it. */
    private static UpdateCluster update(String name, String managerEndpoint, DeploymentEnvironment environment,
                                        Boolean tlsVerify, Integer syncIntervalSeconds) {
        return new UpdateCluster(CLUSTER_ID, ACCOUNT, name, managerEndpoint, environment, tlsVerify, null, false,
                syncIntervalSeconds, null);
    }

    private static UpdateCluster credentialsUpdate(SealedCredentials newCredentials, boolean removeCredentials) {
        return new UpdateCluster(CLUSTER_ID, ACCOUNT, null, null, null, null, newCredentials, removeCredentials,
                null, null);
    }

    private static ClusterDetailsChanged renamedNow(String name) {
        return new ClusterDetailsChanged(CLUSTER_ID, ACCOUNT, name, ENDPOINT, DeploymentEnvironment.production, true,
                INTERVAL, List.of("name"), NOW);
    }

    @Test
    void changed_fields_are_recorded_with_the_full_new_details() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(update(null, NEW_ENDPOINT, DeploymentEnvironment.staging, false, 300))
                .expectEvents(new ClusterDetailsChanged(CLUSTER_ID, ACCOUNT, NAME, NEW_ENDPOINT,
                        DeploymentEnvironment.staging, false, 300,
                        List.of("manager_endpoint", "environment", "tls_verify", "sync_interval_seconds"), NOW));
    }

    @Test
    void an_update_that_repeats_the_current_values_records_nothing() {
        fixture.given(clusterRegistered())
                .when(update(NAME, ENDPOINT, DeploymentEnvironment.production, true, INTERVAL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renaming_claims_the_new_name_and_releases_the_old_one() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(update("prod-swarm-2", null, null, null, null))
                .expectEvents(renamedNow("prod-swarm-2"));
        assertTrue(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, "prod-swarm-2", CLUSTER_ID));
        assertFalse(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void changing_only_the_case_of_the_name_keeps_the_claim() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(update("Prod-Swarm", null, null, null, null))
                .expectEvents(renamedNow("Prod-Swarm"));
        assertTrue(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void renaming_to_a_name_another_cluster_of_the_account_holds_is_refused() {
        names.claim(Kind.swarm_cluster, ACCOUNT, "staging-swarm", OTHER_CLUSTER_ID);

        fixture.given(clusterRegistered())
                .when(update("staging-swarm", null, null, null, null))
                .expectException(domainError(DomainError.Kind.CONFLICT, "cluster_name_taken"))
                .expectNoEvents();
        assertTrue(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void renaming_to_the_name_of_a_host_of_the_account_is_allowed() {
        names.claim(Kind.docker_host, ACCOUNT, "web-1", "host-1");

        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(update("web-1", null, null, null, null))
                .expectEvents(renamedNow("web-1"));
    }

    @Test
    void an_update_to_a_blank_name_is_refused() {
        fixture.given(clusterRegistered())
                .when(update(" ", null, null, null, null))
                .expectException(domainError(DomainError.Kind.RULE_VIOLATION, "cluster_name_blank"));
    }

    @Test
    void an_update_to_a_sync_interval_out_of_bounds_is_refused() {
        fixture.given(clusterRegistered())
                .when(update(null, null, null, null, 29))
                .expectException(domainError(DomainError.Kind.RULE_VIOLATION, "sync_interval_out_of_range"));
    }

    @Test
    void new_credentials_replace_the_old_ones() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(credentialsUpdate(NEW_CREDENTIALS, false))
                .expectEvents(new ClusterCredentialsReplaced(CLUSTER_ID, ACCOUNT, NEW_CREDENTIALS, NOW));
    }

    @Test
    void removing_credentials_replaces_them_with_none() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(credentialsUpdate(null, true))
                .expectEvents(new ClusterCredentialsReplaced(CLUSTER_ID, ACCOUNT, null, NOW));
    }

    @Test
    void removing_credentials_from_a_cluster_without_any_records_nothing() {
        fixture.given(new ClusterRegistered(CLUSTER_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production,
                        true, null, INTERVAL, REGISTERED_AT))
                .when(credentialsUpdate(null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removed_credentials_are_not_removed_twice() {
        fixture.given(clusterRegistered(), new ClusterCredentialsReplaced(CLUSTER_ID, ACCOUNT, null, NOW))
                .when(credentialsUpdate(null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void details_and_credentials_changed_together_are_both_recorded() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(new UpdateCluster(CLUSTER_ID, ACCOUNT, null, null, null, false, NEW_CREDENTIALS, false, null,
                        null))
                .expectEvents(
                        new ClusterDetailsChanged(CLUSTER_ID, ACCOUNT, NAME, ENDPOINT,
                                DeploymentEnvironment.production, false, INTERVAL, List.of("tls_verify"), NOW),
                        new ClusterCredentialsReplaced(CLUSTER_ID, ACCOUNT, NEW_CREDENTIALS, NOW));
    }

    @Test
    void removing_a_cluster_releases_its_name_and_deletes_it() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(new RemoveCluster(CLUSTER_ID, ACCOUNT))
                .expectEvents(new ClusterRemoved(CLUSTER_ID, ACCOUNT, NAME, NOW))
                .expectMarkedDeleted();
        assertFalse(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void removing_a_renamed_cluster_releases_its_current_name() {
        fixture.given(clusterRegistered(), renamedNow("prod-swarm-2"))
                .andGivenCurrentTime(NOW)
                .when(new RemoveCluster(CLUSTER_ID, ACCOUNT))
                .expectEvents(new ClusterRemoved(CLUSTER_ID, ACCOUNT, "prod-swarm-2", NOW));
    }
}
