package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmOperations;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.swarm.SwarmFixture.ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.ACTOR;
import static io.powernode.devops.query.swarm.SwarmFixture.BY_ACTOR;
import static io.powernode.devops.query.swarm.SwarmFixture.CIPHERTEXT;
import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class SwarmOperationProjectionTest extends EmbeddedMongoTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);
    private static final ScaleService SCALE_WEB = new ScaleService("svc-web", 3);
    private static final Instant REQUESTED_AT = OBSERVED;
    private static final Instant STARTED_AT = OBSERVED.plusSeconds(1);
    private static final Instant COMPLETED_AT = OBSERVED.plusSeconds(5);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new SwarmOperationProjection(database));
        queries = new QueryBusFixture().register(new SwarmOperationQueryHandler(database));
    }

    @Test
    void aRequestedOperationShowsWhoAskedForWhatAndWhen() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.id()).isEqualTo("op-1");
        assertThat(operation.clusterId()).isEqualTo("c1");
        assertThat(operation.accountId()).isEqualTo(ACCOUNT);
        assertThat(operation.type()).isEqualTo("scale_service");
        assertThat(operation.status()).isEqualTo(SwarmOperationView.REQUESTED);
        assertThat(operation.target()).isEqualTo("svc-web");
        assertThat(operation.parameters()).isEqualTo(Map.of("service_id", "svc-web", "replicas", 3));
        assertThat(operation.requestedBy()).isEqualTo(ACTOR);
        assertThat(operation.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(operation.startedAt()).isNull();
        assertThat(operation.completedAt()).isNull();
    }

    @Test
    void aStartedOperationIsRunning() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        events.deliver("c1", started("op-1"));

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.status()).isEqualTo(SwarmOperationView.RUNNING);
        assertThat(operation.startedAt()).isEqualTo(STARTED_AT);
    }

    @Test
    void aSucceededOperationShowsWhatItChanged() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        events.deliver("c1", started("op-1"));
        events.deliver("c1", succeeded("op-1"));

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.status()).isEqualTo(SwarmOperationView.SUCCEEDED);
        assertThat(operation.resourceId()).isEqualTo("svc-web");
        assertThat(operation.notes()).containsExactly("3 replicas requested");
        assertThat(operation.completedAt()).isEqualTo(COMPLETED_AT);
        assertThat(operation.failureKind()).isNull();
    }

    @Test
    void aFailedOperationShowsWhy() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        events.deliver("c1", new SwarmOperationFailed("c1", ACCOUNT, "op-1", "scale_service",
                new OperationFailure(OperationFailure.Kind.not_found, "service svc-web not found"), COMPLETED_AT));

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.status()).isEqualTo(SwarmOperationView.FAILED);
        assertThat(operation.failureKind()).isEqualTo("not_found");
        assertThat(operation.failureMessage()).isEqualTo("service svc-web not found");
        assertThat(operation.completedAt()).isEqualTo(COMPLETED_AT);
        assertThat(operation.startedAt()).isNull();
    }

    @Test
    void reDeliveredEventsNeverMoveAnOperationBack() {
        TrackedEventMessage<?> request = request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        TrackedEventMessage<?> start = events.deliver("c1", started("op-1"));
        events.deliver("c1", succeeded("op-1"));

        events.redeliver(request);
        events.redeliver(start);

        SwarmOperationView operation = find(ACCOUNT, "op-1");
        assertThat(operation.status()).isEqualTo(SwarmOperationView.SUCCEEDED);
        assertThat(operation.completedAt()).isEqualTo(COMPLETED_AT);
        assertThat(operation.requestedBy()).isEqualTo(ACTOR);
    }

    @Test
    void anotherAccountsOperationIsNotFound() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);

        assertThat(find(OTHER_ACCOUNT, "op-1")).isNull();
        assertThat(find(ACCOUNT, "op-unknown")).isNull();
        assertThat(list(new ListSwarmOperations(OTHER_ACCOUNT, null, null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void operationsAreListedNewestFirst() {
        request("c1", ACCOUNT, "op-old", SCALE_WEB, REQUESTED_AT);
        request("c1", ACCOUNT, "op-new", SCALE_WEB, REQUESTED_AT.plusSeconds(60));
        request("c1", ACCOUNT, "op-mid", SCALE_WEB, REQUESTED_AT.plusSeconds(30));

        assertThat(list(new ListSwarmOperations(ACCOUNT, null, null, FIRST_PAGE)).items())
                .extracting(SwarmOperationView::id).containsExactly("op-new", "op-mid", "op-old");
    }

    @Test
    void operationsAreFilteredByClusterAndStatus() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        request("c1", ACCOUNT, "op-2", SCALE_WEB, REQUESTED_AT.plusSeconds(1));
        request("c2", ACCOUNT, "op-3", SCALE_WEB, REQUESTED_AT.plusSeconds(2));
        events.deliver("c1", started("op-2"));

        assertThat(list(new ListSwarmOperations(ACCOUNT, "c1", null, FIRST_PAGE)).items())
                .extracting(SwarmOperationView::id).containsExactly("op-2", "op-1");
        assertThat(list(new ListSwarmOperations(ACCOUNT, null, SwarmOperationView.REQUESTED, FIRST_PAGE)).items())
                .extracting(SwarmOperationView::id).containsExactly("op-3", "op-1");
        assertThat(list(new ListSwarmOperations(ACCOUNT, "c1", SwarmOperationView.RUNNING, FIRST_PAGE)).items())
                .extracting(SwarmOperationView::id).containsExactly("op-2");
    }

    @Test
    void pagesDoNotOverlap() {
        for (int i = 0; i < 5; i++) {
            request("c1", ACCOUNT, "op-" + i, SCALE_WEB, REQUESTED_AT.plusSeconds(i));
        }

        SwarmOperationPage last = list(new ListSwarmOperations(ACCOUNT, null, null, new PageRequest(3, 2)));

        assertThat(last.items()).extracting(SwarmOperationView::id).containsExactly("op-0");
        assertThat(last.page().totalCount()).isEqualTo(5);
    }

    @Test
    void aSecretsValueReachesNoDocument() {
        request("c1", ACCOUNT, "op-1", new CreateSecret("db_password", new SealedValue("master-2026", CIPHERTEXT),
                Map.of("app", "shop")), REQUESTED_AT);

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.target()).isEqualTo("db_password");
        assertThat(operation.parameters()).isEqualTo(Map.of("name", "db_password", "labels", Map.of("app", "shop")));
        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
        CredentialLeakCheck.assertNowhere(database, "master-2026");
    }

    @Test
    void anOperationOnTheSwarmItselfTargetsTheCluster() {
        request("c1", ACCOUNT, "op-1", new RotateJoinTokens(true, false), REQUESTED_AT);

        SwarmOperationView operation = find(ACCOUNT, "op-1");

        assertThat(operation.target()).isEqualTo("c1");
        assertThat(operation.parameters()).isEqualTo(Map.of("worker", true, "manager", false));
    }

    @Test
    void operationsOutliveTheirClusterForTheAudit() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);
        events.deliver("c1", new ClusterRemoved("c1", ACCOUNT, "prod", OBSERVED));

        assertThat(find(ACCOUNT, "op-1")).isNotNull();
    }

    /** The platform itself (not a person) started an operation: no actor in the metadata. */
    @Test
    void anOperationWithoutAnActorHasNoRequester() {
        events.deliver("c1", new SwarmOperationRequested("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT));

        assertThat(find(ACCOUNT, "op-1").requestedBy()).isNull();
    }

    @Test
    void aResetEmptiesTheReadModelForTheReplay() {
        request("c1", ACCOUNT, "op-1", SCALE_WEB, REQUESTED_AT);

        events.reset();

        assertThat(find(ACCOUNT, "op-1")).isNull();
    }

    private TrackedEventMessage<?> request(String clusterId, String accountId, String operationId,
                                           SwarmOperation operation, Instant at) {
        return events.deliver(clusterId,
                new SwarmOperationRequested(clusterId, accountId, operationId, operation, at), BY_ACTOR);
    }

    private static SwarmOperationStarted started(String operationId) {
        return new SwarmOperationStarted("c1", ACCOUNT, operationId, "scale_service", STARTED_AT, "attempt-1");
    }

    private static SwarmOperationSucceeded succeeded(String operationId) {
        return new SwarmOperationSucceeded("c1", ACCOUNT, operationId, "scale_service", "svc-web",
                List.of("3 replicas requested"), COMPLETED_AT);
    }

    private SwarmOperationView find(String accountId, String operationId) {
        return queries.ask(new FindSwarmOperation(accountId, operationId), SwarmOperationView.class);
    }

    private SwarmOperationPage list(ListSwarmOperations query) {
        return queries.ask(query, SwarmOperationPage.class);
    }
}
