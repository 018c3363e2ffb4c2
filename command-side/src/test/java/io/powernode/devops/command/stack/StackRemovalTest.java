package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemovalFailed;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemoved;
import io.powernode.devops.kernel.stack.StackCommands.RemoveStack;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalFailed;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static io.powernode.devops.kernel.stack.DeploymentTrigger.deploy;

/** RemoveStack, as {@code docker stack rm}: also of a stack only the CLI deployed; the stack stays, empty. */
class StackRemovalTest {

    private static final String REASON = "network shop_default has active endpoints";

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RemoveStack remove(String removalId) {
        return new RemoveStack(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, removalId);
    }

    @Test
    void a_stack_only_the_cli_deployed_is_removed() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(remove(REMOVAL))
                .expectEvents(new StackRemovalRequested(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, REMOVAL, NOW))
                .expectResultMessagePayload(REMOVAL);
    }

    @Test
    void a_stack_the_platform_deployed_is_removed() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(remove(REMOVAL))
                .expectEvents(new StackRemovalRequested(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, REMOVAL, NOW))
                .expectResultMessagePayload(REMOVAL);
    }

    @Test
    void a_removal_while_a_deployment_is_under_way_is_refused() {
        fixture.given(v2UnderWay(CANARY))
                .when(remove(REMOVAL))
                .expectException(domainError(Kind.CONFLICT, "deployment_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_second_removal_while_one_is_pending_answers_the_pending_one() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .when(remove(OTHER_REMOVAL))
                .expectNoEvents()
                .expectResultMessagePayload(REMOVAL);
    }

    @Test
    void a_removed_stack_can_be_removed_again() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL), removed())
                .andGivenCurrentTime(NOW)
                .when(remove(OTHER_REMOVAL))
                .expectEvents(new StackRemovalRequested(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, OTHER_REMOVAL,
                        NOW));
    }

    @Test
    void a_stack_id_that_is_not_derived_from_cluster_and_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RemoveStack(STACK_ID, ACCOUNT, CLUSTER_ID, "blog", REMOVAL))
                .expectException(domainError(Kind.RULE_VIOLATION, "stack_id_mismatch"))
                .expectNoEvents();
    }

    @Test
    void the_removal_docker_carried_out_is_recorded() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .andGivenCurrentTime(NOW)
                .when(new RecordStackRemoved(STACK_ID, REMOVAL))
                .expectEvents(new StackRemoved(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, NOW));
    }

    @Test
    void a_removal_docker_could_not_carry_out_is_recorded() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .andGivenCurrentTime(NOW)
                .when(new RecordStackRemovalFailed(STACK_ID, REMOVAL, REASON))
                .expectEvents(new StackRemovalFailed(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, REASON, NOW));
    }

    @Test
    void an_outcome_reported_again_is_dropped() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL), removed())
                .when(new RecordStackRemoved(STACK_ID, REMOVAL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_outcome_of_a_removal_that_is_not_the_pending_one_is_dropped() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .when(new RecordStackRemovalFailed(STACK_ID, OTHER_REMOVAL, REASON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_stack_whose_removal_failed_still_runs_its_live_revision() {
        fixture.given(v1Live())
                .andGiven(removalRequested(REMOVAL),
                        new StackRemovalFailed(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, REASON, EARLIER))
                .andGivenCurrentTime(NOW)
                .when(deploy(D2, V2, ROLLING))
                .expectEvents(requested(order(D2, 1, revision(2, V2), ROLLING, List.of("web"), Map.of()), deploy,
                        null, 1, WARNINGS));
    }
}
