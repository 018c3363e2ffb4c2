package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwarmClusterRegistrationTest {

    private static final ClusterRegistered REGISTERED_NOW = new ClusterRegistered(CLUSTER_ID, ACCOUNT, NAME, ENDPOINT,
            DeploymentEnvironment.production, true, CREDENTIALS, INTERVAL, NOW);

    private final InMemoryNameRegistry names = new InMemoryNameRegistry();
    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(names);
    }

    @Test
    void registering_a_cluster_records_it_as_of_now_and_claims_its_name() {
        fixture.givenCurrentTime(NOW)
                .when(registerCluster(NAME, INTERVAL))
                .expectEvents(REGISTERED_NOW);
        assertTrue(names.isHeldBy(Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void the_name_is_recorded_without_surrounding_blanks() {
        fixture.givenCurrentTime(NOW)
                .when(registerCluster("  " + NAME + " ", INTERVAL))
                .expectEvents(REGISTERED_NOW);
    }

    @Test
    void a_name_another_cluster_of_the_account_holds_is_refused_whatever_its_case() {
        names.claim(Kind.swarm_cluster, ACCOUNT, NAME, OTHER_CLUSTER_ID);

        fixture.givenNoPriorActivity()
                .when(registerCluster("PROD-Swarm", INTERVAL))
                .expectException(domainError(DomainError.Kind.CONFLICT, "cluster_name_taken"))
                .expectNoEvents();
    }

    @Test
    void a_name_a_cluster_of_another_account_holds_is_allowed() {
        names.claim(Kind.swarm_cluster, OTHER_ACCOUNT, NAME, OTHER_CLUSTER_ID);

        fixture.givenCurrentTime(NOW)
                .when(registerCluster(NAME, INTERVAL))
                .expectEvents(REGISTERED_NOW);
    }

    @Test
    void a_name_a_host_of_the_account_holds_is_allowed() {
        names.claim(Kind.docker_host, ACCOUNT, NAME, "host-1");

        fixture.givenCurrentTime(NOW)
                .when(registerCluster(NAME, INTERVAL))
                .expectEvents(REGISTERED_NOW);
        assertTrue(names.isHeldBy(Kind.docker_host, ACCOUNT, NAME, "host-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_name_is_refused(String blank) {
        fixture.givenNoPriorActivity()
                .when(registerCluster(blank, INTERVAL))
                .expectException(domainError(DomainError.Kind.RULE_VIOLATION, "cluster_name_blank"));
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 3600})
    void the_sync_interval_bounds_are_allowed(int seconds) {
        fixture.givenNoPriorActivity()
                .when(registerCluster(NAME, seconds))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 29, 3601})
    void a_sync_interval_outside_30_to_3600_seconds_is_refused(int seconds) {
        fixture.givenNoPriorActivity()
                .when(registerCluster(NAME, seconds))
                .expectException(domainError(DomainError.Kind.RULE_VIOLATION, "sync_interval_out_of_range"))
                .expectNoEvents();
    }
}
