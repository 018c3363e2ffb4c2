package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.powernode.devops.command.swarm.ClusterTestData.*;

/** The event follower re-opens the manager's stream from the last second it saw, so entries come twice. */
class SwarmClusterSwarmEventTest {

    private static final long AT = 1_779_000_000_000_000_000L;
    private static final DockerEventRecord WEB_UPDATED = event("update", "svc-web", AT);

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    private static DockerEventRecord event(String action, String actorId, long timeNano) {
        return new DockerEventRecord("service", action, actorId, Map.of("name", "web"), "swarm", timeNano);
    }

    private static SwarmEventObserved observed(DockerEventRecord event) {
        return new SwarmEventObserved(CLUSTER_ID, ACCOUNT, event);
    }

    @Test
    void a_new_swarm_event_is_recorded() {
        fixture.given(clusterRegistered())
                .when(new RecordSwarmEvent(CLUSTER_ID, WEB_UPDATED))
                .expectEvents(observed(WEB_UPDATED));
    }

    @Test
    void a_repeated_swarm_event_is_ignored() {
        fixture.given(clusterRegistered(), observed(WEB_UPDATED))
                .when(new RecordSwarmEvent(CLUSTER_ID, WEB_UPDATED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_event_older_than_the_newest_recorded_one_is_ignored() {
        fixture.given(clusterRegistered(), observed(WEB_UPDATED))
                .when(new RecordSwarmEvent(CLUSTER_ID, event("create", "svc-api", AT - 1)))
                .expectNoEvents();
    }

    @Test
    void a_different_event_at_the_same_instant_is_recorded() {
        DockerEventRecord apiUpdated = event("update", "svc-api", AT);

        fixture.given(clusterRegistered(), observed(WEB_UPDATED))
                .when(new RecordSwarmEvent(CLUSTER_ID, apiUpdated))
                .expectEvents(observed(apiUpdated));
    }

    @Test
    void the_same_kind_of_event_later_is_recorded() {
        DockerEventRecord webUpdatedAgain = event("update", "svc-web", AT + 5_000_000_000L);

        fixture.given(clusterRegistered(), observed(WEB_UPDATED))
                .when(new RecordSwarmEvent(CLUSTER_ID, webUpdatedAgain))
                .expectEvents(observed(webUpdatedAgain));
    }
}
