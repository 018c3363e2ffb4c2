package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalFailed;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Consumer;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;
import static io.powernode.devops.query.stack.AppliedSequence.isNew;
import static io.powernode.devops.query.stack.AppliedSequence.stamp;
import static io.powernode.devops.query.stack.StackDocuments.*;

/**
 * The {@code stacks} read model: each stack the platform deployed or was asked to remove, with its revisions, its
 * newest deployment and where that stands, and its removal. Re-delivered events are ignored as
 * {@link AppliedSequence} explains. A removed stack keeps its document (its deployments are its history, and it can
 * be deployed again with its revision numbers going on); a removed cluster takes its stacks with it.
 */
@Component
@ProcessingGroup("stack-projection")
public class StackProjection {
    private final MongoCollection<Document> stacks;

    public StackProjection(MongoDatabase database) {
        this.stacks = database.getCollection(ReadModelCollections.STACKS);
    }

    /** Without this a replay would change nothing: every stored version is already at or past the replayed one. */
    @ResetHandler
    void onReset() {
        stacks.deleteMany(new Document());
    }

    @EventHandler
    void on(StackDeploymentRequested event, DomainEventMessage<?> message) {
        DeploymentOrder order = event.order();
        int revision = order.revision().number();
        upsert(message, event.stackId(), event.accountId(), order.clusterId(), order.stackName(), stack -> stack
                // a redeploy or rollback applies an earlier revision: the newest stays the newest
                .append(LATEST_REVISION, Math.max(revision, stack.getInteger(LATEST_REVISION, 0)))
                .append(LAST_DEPLOYMENT_ID, order.deploymentId())
                .append(LAST_DEPLOYMENT_PHASE, name(DeploymentPhase.progressing))
                .append(LAST_DEPLOYMENT_REVISION, revision)
                .append(ACTIVE_SERVICES, new Document(order.activeServices()))
                .append(REMOVED_AT, null));
    }

    @EventHandler
    void on(DeploymentRetried event, DomainEventMessage<?> message) {
        moveLastDeployment(message, event.stackId(), event.deploymentId(), DeploymentTimeline.retried(event, null));
    }

    @EventHandler
    void on(DeploymentPromoted event, DomainEventMessage<?> message) {
        moveLastDeployment(message, event.stackId(), event.deploymentId(), DeploymentTimeline.promoted(event, null));
    }

    @EventHandler
    void on(DeploymentPaused event, DomainEventMessage<?> message) {
        moveLastDeployment(message, event.stackId(), event.deploymentId(), DeploymentTimeline.paused(event, null));
    }

    @EventHandler
    void on(DeploymentResumed event, DomainEventMessage<?> message) {
        moveLastDeployment(message, event.stackId(), event.deploymentId(), DeploymentTimeline.resumed(event, null));
    }

    @EventHandler
    void on(DeploymentProgressed event, DomainEventMessage<?> message) {
        update(message, event.stackId(), stack -> {
            if (!event.deploymentId().equals(stack.getString(LAST_DEPLOYMENT_ID))) {
                return;
            }
            Map<String, String> active = stringMap(stack, ACTIVE_SERVICES);
            stack.append(LAST_DEPLOYMENT_PHASE, name(event.phase()))
                    .append(ACTIVE_SERVICES, new Document(ActiveServices.after(active, event.progress())));
            if (event.progress() instanceof Completed) {
                stack.append(LIVE_REVISION, stack.getInteger(LAST_DEPLOYMENT_REVISION));
            }
        });
    }

    /** A stack only the CLI deployed is first heard of here. */
    @EventHandler
    void on(StackRemovalRequested event, DomainEventMessage<?> message) {
        upsert(message, event.stackId(), event.accountId(), event.clusterId(), event.stackName(),
                stack -> stack.append(REMOVAL_ID, event.removalId()));
    }

    /** Nothing of the stack runs any more: no revision is live, no service serves. */
    @EventHandler
    void on(StackRemoved event, DomainEventMessage<?> message) {
        update(message, event.stackId(), stack -> stack
                .append(REMOVAL_ID, null)
                .append(REMOVED_AT, date(event.removedAt()))
                .append(LIVE_REVISION, null)
                .append(ACTIVE_SERVICES, new Document()));
    }

    @EventHandler
    void on(StackRemovalFailed event, DomainEventMessage<?> message) {
        update(message, event.stackId(), stack -> stack.append(REMOVAL_ID, null));
    }

    @EventHandler
    void on(ClusterRemoved event) {
        stacks.deleteMany(Filters.eq(CLUSTER_ID, event.clusterId()));
    }

    /** A user's action moves the deployment to the phase its timeline entry states. */
    private void moveLastDeployment(DomainEventMessage<?> message, String stackId, String deploymentId,
                                    DeploymentEventView entry) {
        update(message, stackId, stack -> {
            if (deploymentId.equals(stack.getString(LAST_DEPLOYMENT_ID))) {
                stack.append(LAST_DEPLOYMENT_PHASE, name(entry.phase()));
            }
        });
    }

    private void upsert(DomainEventMessage<?> message, String stackId, String accountId, String clusterId,
                        String name, Consumer<Document> transition) {
        Document stack = stacks.find(byId(stackId)).first();
        if (stack == null) {
            stack = StackDocuments.created(stackId, accountId, clusterId, name, message);
        }
        apply(message, stack, transition);
    }

    private void update(DomainEventMessage<?> message, String stackId, Consumer<Document> transition) {
        apply(message, stacks.find(byId(stackId)).first(), transition);
    }

    private void apply(DomainEventMessage<?> message, Document stack, Consumer<Document> transition) {
        if (isNew(stack, message)) {
            transition.accept(stack);
            stacks.replaceOne(byId(stack.getString(ID)), stamp(stack, message), new ReplaceOptions().upsert(true));
        }
    }

    private static Bson byId(String stackId) {
        return Filters.eq(ID, stackId);
    }
}
