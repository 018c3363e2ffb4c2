package io.powernode.devops.query.dockerevent;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostQueries.ListDockerEvents;
import io.powernode.devops.kernel.host.HostViews.DockerEventPage;
import io.powernode.devops.kernel.host.HostViews.DockerEventView;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.inventory.InventoryProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEventProjectionTest extends EmbeddedMongoTest {
    private static final String ACCOUNT = "acct-1";
    private static final long NANOS = 1_772_359_200_000_000_000L;
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new DockerEventProjection(database), new InventoryProjection(database));
        queries = new QueryBusFixture().register(new DockerEventQueryHandler(database));
    }

    @Test
    void eventsAreListedNewestFirstByTheirNanosecondTime() {
        observe("h1", ACCOUNT, "container", "start", Map.of(), NANOS + 1);
        observe("h1", ACCOUNT, "container", "die", Map.of("exitCode", "1"), NANOS + 3);
        observe("h1", ACCOUNT, "container", "kill", Map.of("signal", "15"), NANOS + 2);

        DockerEventPage page = list(new ListDockerEvents(ACCOUNT, null, null, null, FIRST_PAGE));

        assertThat(page.items()).extracting(DockerEventView::action).containsExactly("die", "kill", "start");
        assertThat(page.items()).extracting(DockerEventView::severity).containsExactly("error", "warning", "info");
        DockerEventView die = page.items().get(0);
        assertThat(die.time()).isEqualTo(Instant.ofEpochSecond(0, NANOS + 3));
        assertThat(die.hostId()).isEqualTo("h1");
        assertThat(die.attributes()).isEqualTo(Map.of("exitCode", "1"));
        assertThat(die.scope()).isEqualTo("local");
        assertThat(die.actorId()).isEqualTo("actor-" + (NANOS + 3));
    }

    @Test
    void eventsAreFilteredByHostTypeAndSeverityWithinTheAccount() {
        observe("h1", ACCOUNT, "container", "oom", Map.of(), NANOS);
        observe("h1", ACCOUNT, "network", "connect", Map.of(), NANOS + 1);
        observe("h2", ACCOUNT, "container", "oom", Map.of(), NANOS + 2);
        observe("h3", "acct-2", "container", "oom", Map.of(), NANOS + 3);

        assertThat(list(new ListDockerEvents(ACCOUNT, "h1", "container", "error", FIRST_PAGE)).items())
                .extracting(DockerEventView::hostId).containsExactly("h1");
        assertThat(list(new ListDockerEvents(ACCOUNT, null, null, "error", FIRST_PAGE)).page().totalCount())
                .isEqualTo(2);
        assertThat(list(new ListDockerEvents(ACCOUNT, null, "network", null, FIRST_PAGE)).items()).hasSize(1);
    }

    @Test
    void aReDeliveredEventIsStoredOnce() {
        TrackedEventMessage<?> message = observe("h1", ACCOUNT, "container", "start", Map.of(), NANOS);

        events.redeliver(message);

        DockerEventPage page = list(new ListDockerEvents(ACCOUNT, null, null, null, FIRST_PAGE));
        assertThat(page.items()).extracting(DockerEventView::id).containsExactly(message.getIdentifier());
    }

    @Test
    void aRemovedHostsEventsStayForTheAudit() {
        observe("h1", ACCOUNT, "container", "start", Map.of(), NANOS);

        events.deliver("h1", new HostRemoved("h1", ACCOUNT, "web-1", Instant.now()));

        assertThat(list(new ListDockerEvents(ACCOUNT, "h1", null, null, FIRST_PAGE)).items()).hasSize(1);
    }

    @Test
    void pagesDoNotOverlap() {
        for (int i = 0; i < 5; i++) {
            observe("h1", ACCOUNT, "container", "start", Map.of(), NANOS + i);
        }

        DockerEventPage last = list(new ListDockerEvents(ACCOUNT, null, null, null, new PageRequest(3, 2)));

        assertThat(last.items()).extracting(DockerEventView::time).containsExactly(Instant.ofEpochSecond(0, NANOS));
        assertThat(last.page().totalPages()).isEqualTo(3);
    }

    private TrackedEventMessage<?> observe(String hostId, String accountId, String type, String action,
                                           Map<String, String> attributes, long timeNano) {
        return events.deliver(hostId, new DockerEventObserved(hostId, accountId,
                new DockerEventRecord(type, action, "actor-" + timeNano, attributes, "local", timeNano)));
    }

    private DockerEventPage list(ListDockerEvents query) {
        return queries.ask(query, DockerEventPage.class);
    }
}
