package io.powernode.devops.rollout;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.StackApplied;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy.Rolling;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.rollout.RolloutFixture.CHECK;
import static io.powernode.devops.rollout.RolloutFixture.PLAN;
import static io.powernode.devops.rollout.RolloutFixture.abortRequested;
import static io.powernode.devops.rollout.RolloutFixture.failed;
import static io.powernode.devops.rollout.RolloutFixture.promoted;
import static io.powernode.devops.rollout.RolloutFixture.requested;
import static io.powernode.devops.rollout.SentCommands.ask;
import static io.powernode.devops.rollout.SentCommands.report;
import static io.powernode.devops.rollout.SentCommands.reported;
import static io.powernode.devops.rollout.SentCommands.requesting;
import static io.powernode.devops.rollout.SentCommands.satisfying;
import static io.powernode.devops.rollout.SentCommands.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** Rolling deployments: {@code docker stack deploy}, and Docker's own rolling update watched to its end. */
class RolloutSagaRollingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Rolling ROLLING = new Rolling(DEADLINE);
    private static final Map<String, String> SERVING = Map.of("db", "shop_db", "web", "shop_web");

    private final RolloutFixture rollout = new RolloutFixture();

    @AfterEach
    void close() {
        rollout.close();
    }

    @Test
    void theStackIsDeployedAsTheCliWouldWithoutReadingDockerFirst() {
        rollout.start(ROLLING)
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("stack", "deploy_stack shop")))
                .expectDispatchedCommandsMatching(requesting("stack", operation -> assertThat(operation)
                        .isEqualTo(new DeployStack(PLAN, DeployOptions.defaults(), List.of()))));
    }

    @Test
    void theRequestIsSentAsTheRolloutInTheConversationOfTheDeployment() {
        rollout.fixture.givenCurrentTime(RolloutFixture.T0)
                .andThenAPublished(requested(ROLLING), MetaData.with(MessageMetadata.CORRELATION_ID, "conv-1")
                        .and(MessageMetadata.TRACE_ID, "trace-1"))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommandsMatching(satisfying(commands -> assertThat(commands).singleElement()
                        .extracting(CommandMessage::getMetaData).satisfies(metaData -> assertThat(metaData)
                                .containsEntry(MessageMetadata.ACCOUNT_ID, RolloutFixture.ACCOUNT)
                                .containsEntry(MessageMetadata.ACTOR_TYPE, "saga")
                                .containsEntry(MessageMetadata.ACTOR_ID, "rollout")
                                .containsEntry(MessageMetadata.CORRELATION_ID, "conv-1")
                                .containsEntry(MessageMetadata.TRACE_ID, "trace-1")
                                .containsKey(MessageMetadata.CAUSATION_ID))));
    }

    @Test
    void whatDockerAppliedIsReportedAndEveryServiceWaitedFor() {
        rollout.start(ROLLING).act()
                .whenPublished(new SwarmOperationSucceeded(
                        RolloutFixture.CLUSTER, RolloutFixture.ACCOUNT, RolloutFixture.operationId(1, "stack"),
                        "deploy_stack", "shop", List.of("service shop_web updated"), RolloutFixture.T0))
                .expectDispatchedCommandsMatching(sent(report("stack-applied")))
                .expectDispatchedCommandsMatching(reported("stack-applied",
                        new StackApplied(List.of("service shop_web updated"))))
                .expectScheduledDeadlineWithName(CHECK, RolloutTimer.Names.CHECK)
                .expectScheduledDeadlineWithName(DEADLINE, RolloutTimer.Names.PROGRESS_DEADLINE);
    }

    @Test
    void theDeploymentCompletesOnceEveryServiceConverged() {
        deployed()
                .serve(Observations.running("shop_db", 1, rollout.now()),
                        Observations.replicated("shop_web", 3).runningTasks(3, rollout.now())
                                .update("completed", rollout.now(), "update completed").get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("completed")))
                .expectDispatchedCommandsMatching(reported("completed", new Completed(SERVING)))
                .expectActiveSagas(0);
    }

    @Test
    void anUpdateStillRunningIsWaitedFor() {
        deployed()
                .serve(Observations.running("shop_db", 1, rollout.now()),
                        Observations.replicated("shop_web", 3).runningTasks(3, rollout.now())
                                .update("updating", rollout.now(), null).get())
                .whenElapsed(CHECK)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(CHECK, RolloutTimer.Names.CHECK);
    }

    @Test
    void dockersOwnRollbackEndsTheDeploymentRolledBackWithDockersMessage() {
        deployed()
                .serve(Observations.running("shop_db", 1, rollout.now()),
                        Observations.replicated("shop_web", 3).runningTasks(3, rollout.now())
                                .update("rollback_completed", rollout.now(), "update rolled back due to failure")
                                .get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(reported("rolled-back", new RolledBack(
                        "Docker rolled its update back of shop_web: update rolled back due to failure", SERVING)))
                .expectActiveSagas(0);
    }

    @Test
    void anUpdateDockerPausedLeavesTheDeploymentDegraded() {
        deployed()
                .serve(Observations.running("shop_db", 1, rollout.now()),
                        Observations.replicated("shop_web", 3).runningTasks(2, rollout.now())
                                .update("paused", rollout.now(), "update paused due to failure").get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(reported("degraded", new Degraded(
                        "Docker paused its update of shop_web: update paused due to failure")));
    }

    @Test
    void servicesThatDoNotConvergeInTimeLeaveTheDeploymentDegraded() {
        deployed()
                .serve(Observations.running("shop_db", 1, rollout.now()),
                        Observations.replicated("shop_web", 3).runningTasks(1, rollout.now()).get())
                .whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(sent(report("degraded")))
                .expectDispatchedCommandsMatching(reported("degraded", new Degraded(
                        "not converged within PT1M30S: shop_web runs 1 of 3 task(s)")))
                .expectActiveSagas(0);
    }

    @Test
    void aManagerThatCannotBeReadIsTriedAgainUntilTheDeadline() {
        deployed();
        rollout.probe.unreachable(true);
        rollout.whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(reported("degraded", new Degraded(
                        "not converged within PT1M30S: the swarm could not be read: the manager did not answer")));
    }

    @Test
    void aStackDockerRefusesEndsTheDeploymentFailed() {
        rollout.start(ROLLING).act()
                .whenPublished(failed("stack", OperationFailure.Kind.not_found, "network edge not found"))
                .expectDispatchedCommandsMatching(sent(report("failed")))
                .expectDispatchedCommandsMatching(reported("failed",
                        new Failed("deploy_stack shop failed: network edge not found")))
                .expectActiveSagas(0);
    }

    @Test
    void aRequestTheClusterRefusesEndsTheDeploymentFailedWithTheClustersReason() {
        rollout.fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RequestSwarmOperation) {
                throw DomainError.conflict("cluster_in_maintenance", null, "The cluster is in maintenance");
            }
            return null;
        });
        rollout.start(ROLLING)
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("stack", "deploy_stack shop"), report("failed")))
                .expectDispatchedCommandsMatching(reported("failed", new Failed("The cluster is in maintenance")))
                .expectActiveSagas(0);
    }

    @Test
    void usersCannotSteerDockersRollingUpdate() {
        deployed()
                .publish(promoted(true))
                .whenPublished(abortRequested(false))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(CHECK, RolloutTimer.Names.CHECK);
    }

    private RolloutFixture deployed() {
        return rollout.start(ROLLING).act().succeed("stack");
    }
}
