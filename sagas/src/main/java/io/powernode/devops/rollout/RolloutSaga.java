package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carries one attempt of a deployment out against Docker: rolling, blue-green or canary, step by step (see
 * {@link RolloutPlaybook} for each strategy's program and {@link RolloutRun} for how it runs). It acts on Docker only
 * through its cluster's swarm operations and reads it only through the {@link RolloutProbe}, in deadline handlers,
 * never while handling an event; it reports to the stack with {@code RecordDeploymentProgress} and ends itself at a
 * final entry. A retry is a new attempt, and a new saga.
 * <p>
 * Its state is serialized (Jackson) into the saga store after every message, and its timers are persistent
 * deadlines: a restart resumes it where it stood.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RolloutSaga {

    static final String ACTOR_ID = "rollout";

    private RolloutState rollout;

    @Autowired
    private transient SagaCommands commands;
    @Autowired
    private transient RolloutProbe probe;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient RolloutSettings settings;

    @StartSaga
    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(StackDeploymentRequested event, MetaData metaData, @MessageIdentifier String messageId) {
        begin(event.stackId(), event.accountId(), event.order(), metaData, messageId);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(DeploymentRetried event, MetaData metaData, @MessageIdentifier String messageId) {
        begin(event.stackId(), event.accountId(), event.order(), metaData, messageId);
    }

    @SagaEventHandler(associationProperty = RolloutRun.OPERATION_ID)
    public void on(SwarmOperationSucceeded event, @MessageIdentifier String messageId) {
        run(messageId).operationSucceeded(event.operationId(), event.notes());
    }

    @SagaEventHandler(associationProperty = RolloutRun.OPERATION_ID)
    public void on(SwarmOperationFailed event, @MessageIdentifier String messageId) {
        run(messageId).operationFailed(event.operationId(), event.failure());
    }

    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(DeploymentPromoted event, @MessageIdentifier String messageId) {
        run(messageId).promote(event.full());
    }

    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(DeploymentPaused event, @MessageIdentifier String messageId) {
        run(messageId).pause();
    }

    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(DeploymentResumed event, @MessageIdentifier String messageId) {
        run(messageId).resume();
    }

    @SagaEventHandler(associationProperty = "deploymentId")
    public void on(DeploymentAbortRequested event, @MessageIdentifier String messageId) {
        run(messageId).abort(event.asRollback());
    }

    @DeadlineHandler(deadlineName = RolloutTimer.Names.ACT)
    public void act(RolloutTick tick, @MessageIdentifier String messageId) {
        run(messageId).timerFired(RolloutTimer.ACT, tick);
    }

    @DeadlineHandler(deadlineName = RolloutTimer.Names.CHECK)
    public void check(RolloutTick tick, @MessageIdentifier String messageId) {
        run(messageId).timerFired(RolloutTimer.CHECK, tick);
    }

    @DeadlineHandler(deadlineName = RolloutTimer.Names.ANALYSIS)
    public void analyse(RolloutTick tick, @MessageIdentifier String messageId) {
        run(messageId).timerFired(RolloutTimer.ANALYSIS, tick);
    }

    @DeadlineHandler(deadlineName = RolloutTimer.Names.HOLD_END)
    public void holdEnds(RolloutTick tick, @MessageIdentifier String messageId) {
        run(messageId).timerFired(RolloutTimer.HOLD_END, tick);
    }

    @DeadlineHandler(deadlineName = RolloutTimer.Names.PROGRESS_DEADLINE)
    public void progressDeadlinePassed(RolloutTick tick, @MessageIdentifier String messageId) {
        run(messageId).timerFired(RolloutTimer.PROGRESS_DEADLINE, tick);
    }

    private void begin(String stackId, String accountId, DeploymentOrder order, MetaData metaData, String messageId) {
        if (rollout != null && rollout.order().attempt() >= order.attempt()) {
            return; // this attempt's start, handled again
        }
        RolloutState previous = rollout;
        rollout = RolloutState.of(RolloutOrder.of(stackId, accountId, order),
                SagaCausation.of(accountId, ACTOR_ID, metaData, messageId));
        run(messageId).start(previous);
    }

    /** Axon's clock, the one events are stamped with (and which tests set). */
    private RolloutRun run(String messageId) {
        return new RolloutRun(rollout, commands, probe, deadlineManager, settings, messageId,
                GenericEventMessage.clock.instant());
    }
}
