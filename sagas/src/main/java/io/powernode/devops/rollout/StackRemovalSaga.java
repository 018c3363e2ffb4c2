package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.commands.RetryingSender.Refused;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemovalFailed;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemoved;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveStack;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Removes a stack as {@code docker stack rm} does, through the cluster's {@code remove_stack} operation, whose id is
 * the removal's: asked again after a restart, it names the operation the cluster knows. The outcome goes back to
 * the stack.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StackRemovalSaga {

    static final String ACTOR_ID = "stack-removal";

    private String stackId;
    private String removalId;
    private SagaCausation causation;

    @Autowired
    private transient SagaCommands commands;

    /**
     * Asked for while the request's event is handled: the operation's outcome comes later in the event stream, so
     * the association made here is stored before the outcome can be handled, even if this handling is repeated.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = "removalId")
    public void on(StackRemovalRequested event, MetaData metaData, @MessageIdentifier String messageId) {
        stackId = event.stackId();
        removalId = event.removalId();
        causation = SagaCausation.of(event.accountId(), ACTOR_ID, metaData, messageId);
        SagaLifecycle.associateWith(RolloutRun.OPERATION_ID, removalId);
        if (commands.send(causation, messageId, new RequestSwarmOperation(event.clusterId(), event.accountId(),
                removalId, new RemoveStack(event.stackName()))) instanceof Refused refused) {
            commands.send(causation, messageId,
                    new RecordStackRemovalFailed(stackId, removalId, refused.refusal().message()));
            SagaLifecycle.end();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RolloutRun.OPERATION_ID)
    public void on(SwarmOperationSucceeded event, @MessageIdentifier String messageId) {
        commands.send(causation, messageId, new RecordStackRemoved(stackId, removalId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RolloutRun.OPERATION_ID)
    public void on(SwarmOperationFailed event, @MessageIdentifier String messageId) {
        commands.send(causation, messageId, new RecordStackRemovalFailed(stackId, removalId,
                event.failure().message()));
    }
}
