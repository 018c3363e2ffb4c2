package io.powernode.devops.query.audit;

import io.powernode.devops.kernel.audit.AuditEvents.ActivityRecorded;
import io.powernode.devops.kernel.audit.AuditEvents.Outcome;
import io.powernode.devops.kernel.audit.AuditQueries.ActivityPage;
import io.powernode.devops.kernel.audit.AuditQueries.ActivityView;
import io.powernode.devops.kernel.audit.AuditQueries.ListActivities;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityProjectionTest extends EmbeddedMongoTest {
    private static final String ACCOUNT = "acct-1";
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new ActivityProjection(database));
        queries = new QueryBusFixture().register(new ActivityQueryHandler(database));
    }

    @Test
    void activitiesAreListedNewestFirstWithEveryField() {
        record("a1", ACCOUNT, "docker.hosts.create", "h1", AT);
        record("a3", ACCOUNT, "docker.hosts.delete", "h1", AT.plusSeconds(20));
        record("a2", ACCOUNT, "docker.hosts.update", "h1", AT.plusSeconds(10));

        List<ActivityView> activities = list(new ListActivities(ACCOUNT, null, null, FIRST_PAGE)).items();

        assertThat(activities).extracting(ActivityView::id).containsExactly("a3", "a2", "a1");
        assertThat(activities.get(2)).isEqualTo(new ActivityView("a1", ACCOUNT, "user-7", "user",
                "docker.hosts.create", "host", "h1",
                Map.of("name", "web-1", "tls", Map.of("client_key", "[sealed]"), "labels", List.of("a", "b")),
                Outcome.succeeded, null, AT, "corr-a1"));
    }

    @Test
    void activitiesAreFilteredByTargetAndActionWithinTheAccount() {
        record("a1", ACCOUNT, "docker.hosts.create", "h1", AT);
        record("a2", ACCOUNT, "docker.hosts.create", "h2", AT.plusSeconds(1));
        record("a3", ACCOUNT, "docker.hosts.delete", "h1", AT.plusSeconds(2));
        record("a4", "acct-2", "docker.hosts.create", "h1", AT.plusSeconds(3));

        assertThat(list(new ListActivities(ACCOUNT, "h1", null, FIRST_PAGE)).items())
                .extracting(ActivityView::id).containsExactly("a3", "a1");
        assertThat(list(new ListActivities(ACCOUNT, null, "docker.hosts.create", FIRST_PAGE)).items())
                .extracting(ActivityView::id).containsExactly("a2", "a1");
        assertThat(list(new ListActivities(ACCOUNT, null, null, new PageRequest(2, 2))).items())
                .extracting(ActivityView::id).containsExactly("a1");
    }

    @Test
    void aReDeliveredActivityIsStoredOnce() {
        TrackedEventMessage<?> message = record("a1", ACCOUNT, "docker.hosts.create", "h1", AT);

        events.redeliver(message);

        assertThat(list(new ListActivities(ACCOUNT, null, null, FIRST_PAGE)).page().totalCount()).isEqualTo(1);
    }

    private TrackedEventMessage<?> record(String id, String accountId, String action, String targetId,
                                          Instant occurredAt) {
        return events.deliver(id, new ActivityRecorded(id, accountId, "user-7", "user", action, "host", targetId,
                Map.of("name", "web-1", "tls", Map.of("client_key", "[sealed]"), "labels", List.of("a", "b")),
                Outcome.succeeded, null, occurredAt, "corr-" + id));
    }

    private ActivityPage list(ListActivities query) {
        return queries.ask(query, ActivityPage.class);
    }
}
