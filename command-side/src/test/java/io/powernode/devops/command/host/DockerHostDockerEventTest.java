package io.powernode.devops.command.host;

import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.powernode.devops.command.host.HostTestData.*;

/** The event follower re-opens the daemon's stream from the last second it saw, so entries come twice. */
class DockerHostDockerEventTest {

    private static final long AT = 1_779_000_000_000_000_000L;
    private static final DockerEventRecord WEB_DIED = event("die", "c-web", AT);

    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryHostNameRegistry());
    }

    private static DockerEventRecord event(String action, String actorId, long timeNano) {
        return new DockerEventRecord("container", action, actorId, Map.of("exitCode", "137"), "local", timeNano);
    }

    private static DockerEventObserved observed(DockerEventRecord event) {
        return new DockerEventObserved(HOST_ID, ACCOUNT, event);
    }

    @Test
    void a_new_docker_event_is_recorded() {
        fixture.given(hostRegistered())
                .when(new RecordDockerEvent(HOST_ID, WEB_DIED))
                .expectEvents(observed(WEB_DIED));
    }

    @Test
    void a_repeated_docker_event_is_ignored() {
        fixture.given(hostRegistered(), observed(WEB_DIED))
                .when(new RecordDockerEvent(HOST_ID, WEB_DIED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_event_older_than_the_newest_recorded_one_is_ignored() {
        fixture.given(hostRegistered(), observed(WEB_DIED))
                .when(new RecordDockerEvent(HOST_ID, event("start", "c-db", AT - 1)))
                .expectNoEvents();
    }

    @Test
    void a_different_event_at_the_same_instant_is_recorded() {
        DockerEventRecord dbDied = event("die", "c-db", AT);

        fixture.given(hostRegistered(), observed(WEB_DIED))
                .when(new RecordDockerEvent(HOST_ID, dbDied))
                .expectEvents(observed(dbDied));
    }

    @Test
    void the_same_kind_of_event_later_is_recorded() {
        DockerEventRecord webDiedAgain = event("die", "c-web", AT + 5_000_000_000L);

        fixture.given(hostRegistered(), observed(WEB_DIED))
                .when(new RecordDockerEvent(HOST_ID, webDiedAgain))
                .expectEvents(observed(webDiedAgain));
    }

    @Test
    void events_seen_before_a_newer_instant_are_ignored_even_if_not_at_the_newest_instant() {
        DockerEventRecord dbStarted = event("start", "c-db", AT + 1);

        fixture.given(hostRegistered(), observed(WEB_DIED), observed(dbStarted))
                .when(new RecordDockerEvent(HOST_ID, WEB_DIED))
                .expectNoEvents();
    }
}
