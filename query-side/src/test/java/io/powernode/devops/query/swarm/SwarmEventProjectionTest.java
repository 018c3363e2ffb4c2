package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmEvents;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventView;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.powernode.devops.query.swarm.SwarmFixture.ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class SwarmEventProjectionTest extends EmbeddedMongoTest {
    private static final long NANOS = 1_772_359_200_000_000_000L;
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new SwarmEventProjection(database));
        queries = new QueryBusFixture().register(new SwarmEventQueryHandler(database));
    }

    @Test
    void eventsAreListedNewestFirstWithTheirSeverity() {
        observe("c1", ACCOUNT, "service", "create", Map.of("name", "web"), NANOS + 1);
        observe("c1", ACCOUNT, "node", "update", Map.of("name", "worker-1", "state.new", "down"), NANOS + 3);
        observe("c1", ACCOUNT, "service", "update", Map.of("updatestate.new", "rollback_started"), NANOS + 2);

        SwarmEventPage page = list(new ListSwarmEvents(ACCOUNT, null, null, FIRST_PAGE));

        assertThat(page.items()).extracting(SwarmEventView::type).containsExactly("node", "service", "service");
        assertThat(page.items()).extracting(SwarmEventView::severity).containsExactly("error", "warning", "info");
        SwarmEventView nodeDown = page.items().get(0);
        assertThat(nodeDown.clusterId()).isEqualTo("c1");
        assertThat(nodeDown.action()).isEqualTo("update");
        assertThat(nodeDown.actorId()).isEqualTo("actor-" + (NANOS + 3));
        assertThat(nodeDown.attributes()).isEqualTo(Map.of("name", "worker-1", "state.new", "down"));
        assertThat(nodeDown.time()).isEqualTo(Instant.ofEpochSecond(0, NANOS + 3));
    }

    @Test
    void eventsAreFilteredByClusterAndTypeWithinTheAccount() {
        observe("c1", ACCOUNT, "node", "update", Map.of(), NANOS);
        observe("c1", ACCOUNT, "service", "update", Map.of(), NANOS + 1);
        observe("c2", ACCOUNT, "node", "update", Map.of(), NANOS + 2);
        observe("c3", OTHER_ACCOUNT, "node", "update", Map.of(), NANOS + 3);

        assertThat(list(new ListSwarmEvents(ACCOUNT, "c1", "node", FIRST_PAGE)).items())
                .extracting(SwarmEventView::clusterId).containsExactly("c1");
        assertThat(list(new ListSwarmEvents(ACCOUNT, null, "node", FIRST_PAGE)).page().totalCount()).isEqualTo(2);
        assertThat(list(new ListSwarmEvents(ACCOUNT, "c3", null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void aReDeliveredEventIsStoredOnce() {
        TrackedEventMessage<?> message = observe("c1", ACCOUNT, "secret", "create", Map.of(), NANOS);

        events.redeliver(message);

        assertThat(list(new ListSwarmEvents(ACCOUNT, null, null, FIRST_PAGE)).items())
                .extracting(SwarmEventView::id).containsExactly(message.getIdentifier());
    }

    @Test
    void aRemovedClustersEventsStayForTheAudit() {
        observe("c1", ACCOUNT, "node", "update", Map.of(), NANOS);

        events.deliver("c1", new ClusterRemoved("c1", ACCOUNT, "prod", OBSERVED));

        assertThat(list(new ListSwarmEvents(ACCOUNT, "c1", null, FIRST_PAGE)).items()).hasSize(1);
    }

    @Test
    void pagesDoNotOverlap() {
        for (int i = 0; i < 5; i++) {
            observe("c1", ACCOUNT, "service", "update", Map.of(), NANOS + i);
        }

        SwarmEventPage last = list(new ListSwarmEvents(ACCOUNT, null, null, new PageRequest(3, 2)));

        assertThat(last.items()).extracting(SwarmEventView::time).containsExactly(Instant.ofEpochSecond(0, NANOS));
        assertThat(last.page().totalPages()).isEqualTo(3);
    }

    private TrackedEventMessage<?> observe(String clusterId, String accountId, String type, String action,
                                           Map<String, String> attributes, long timeNano) {
        return events.deliver(clusterId, new SwarmEventObserved(clusterId, accountId,
                new DockerEventRecord(type, action, "actor-" + timeNano, attributes, "swarm", timeNano)));
    }

    private SwarmEventPage list(ListSwarmEvents query) {
        return queries.ask(query, SwarmEventPage.class);
    }
}
