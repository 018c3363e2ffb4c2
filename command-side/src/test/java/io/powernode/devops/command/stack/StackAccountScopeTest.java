package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.StackCommands.AbortDeployment;
import io.powernode.devops.kernel.stack.StackCommands.DeployStack;
import io.powernode.devops.kernel.stack.StackCommands.PauseDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PromoteDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RedeployRevision;
import io.powernode.devops.kernel.stack.StackCommands.RemoveStack;
import io.powernode.devops.kernel.stack.StackCommands.ResumeDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RollbackDeployment;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;

/**
 * A stack answers only to its own account. To another it does not exist, whatever it is asked and whatever state
 * it is in: the account is checked before anything else, so no other answer tells a deployment id apart.
 */
class StackAccountScopeTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static Stream<Object> userCommandsFromAnotherAccount() {
        return Stream.of(
                new DeployStack(STACK_ID, OTHER_ACCOUNT, CLUSTER_ID, STACK_NAME, D3, SOURCE, V3, OPTIONS, ROLLING,
                        WARNINGS),
                new RedeployRevision(STACK_ID, OTHER_ACCOUNT, D1, D3, ROLLING),
                new RollbackDeployment(STACK_ID, OTHER_ACCOUNT, D2, D3, ROLLING),
                new RollbackDeployment(STACK_ID, OTHER_ACCOUNT, "deployment-x", D3, ROLLING),
                new PromoteDeployment(STACK_ID, OTHER_ACCOUNT, D2, true),
                new PauseDeployment(STACK_ID, OTHER_ACCOUNT, D2),
                new ResumeDeployment(STACK_ID, OTHER_ACCOUNT, D2),
                new AbortDeployment(STACK_ID, OTHER_ACCOUNT, D2),
                new RetryDeployment(STACK_ID, OTHER_ACCOUNT, D2),
                new RemoveStack(STACK_ID, OTHER_ACCOUNT, CLUSTER_ID, STACK_NAME, REMOVAL));
    }

    @ParameterizedTest
    @MethodSource("userCommandsFromAnotherAccount")
    void a_command_from_another_account_finds_no_stack(Object command) {
        fixture.given(v2UnderWay(CANARY))
                .when(command)
                .expectException(domainError(Kind.NOT_FOUND, "stack_not_found"))
                .expectNoEvents();
    }

    @Test
    void a_command_for_a_stack_that_does_not_exist_finds_none() {
        fixture.givenNoPriorActivity()
                .when(new PromoteDeployment(STACK_ID, ACCOUNT, D1, true))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
