package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.StackCommands.RedeployRevision;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static io.powernode.devops.kernel.stack.DeploymentTrigger.redeploy;

/**
 * A stack keeps its newest 25 revisions, and the live one however old, for redeploys and rollbacks; an older one is
 * told apart from a deployment the stack never had.
 */
class StackRevisionHistoryTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RedeployRevision redeployOf(String sourceDeploymentId) {
        return new RedeployRevision(STACK_ID, ACCOUNT, sourceDeploymentId, D4, ROLLING);
    }

    @Test
    void the_newest_25_revisions_can_be_deployed_again() {
        fixture.given(failedDeployments(List.of(), 1, RevisionHistory.KEPT + 1, null))
                .andGivenCurrentTime(NOW)
                .when(redeployOf("D-2"))
                .expectEvents(requested(order(D4, 1, revision(2, V2), ROLLING, List.of("api", "web"), Map.of()),
                        redeploy, "D-2", null, List.of()));
    }

    @Test
    void the_revision_before_the_newest_25_is_forgotten() {
        fixture.given(failedDeployments(List.of(), 1, RevisionHistory.KEPT + 1, null))
                .when(redeployOf("D-1"))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"));
    }

    @Test
    void the_live_revision_is_kept_however_old() {
        fixture.given(failedDeployments(v1Live(), 2, RevisionHistory.KEPT + 1, 1))
                .andGivenCurrentTime(NOW)
                .when(redeployOf(D1))
                .expectEvents(requested(order(D4, 1, revision(1, V1), ROLLING, List.of(), Map.of()),
                        redeploy, D1, 1, List.of()));
    }

    /** Docker holds its specs, which the next deployment is compared with. */
    @Test
    void a_revision_left_degraded_is_kept_however_old() {
        fixture.given(concat(v2UnderWay(ROLLING), degraded(D2)))
                .andGiven(failedDeployments(List.of(), 3, RevisionHistory.KEPT, 1))
                .andGivenCurrentTime(NOW)
                .when(redeployOf(D2))
                .expectEvents(requested(order(D4, 1, revision(2, V2), ROLLING, List.of(), Map.of()),
                        redeploy, D2, 1, List.of()));
    }

    @Test
    void keeping_the_live_revision_does_not_keep_one_more_beyond_the_newest_25() {
        fixture.given(failedDeployments(v1Live(), 2, RevisionHistory.KEPT + 1, 1))
                .when(redeployOf("D-2"))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"));
    }

    @Test
    void a_revision_that_is_no_longer_live_is_forgotten_once_beyond_the_newest_25() {
        int latest = RevisionHistory.KEPT + 1;
        fixture.given(failedDeployments(v1Live(), 2, RevisionHistory.KEPT - 1, 1))
                .andGiven(deployed("D-" + latest, latest, V2, ROLLING, 1), completed("D-" + latest, Map.of()))
                .when(redeployOf(D1))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"));
    }

    @Test
    void a_removed_stack_forgets_its_last_live_revision_once_beyond_the_newest_25() {
        fixture.given(failedDeployments(v1Live(), 2, RevisionHistory.KEPT, 1))
                .andGiven(removalRequested(REMOVAL), removed())
                .when(redeployOf(D1))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"));
    }
}
