package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficWeightUpdated;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.stack.AppliedSequence.isNew;
import static io.powernode.devops.query.stack.AppliedSequence.stamp;
import static io.powernode.devops.query.stack.DeploymentDocuments.*;

/**
 * The {@code deployments} read model: each deployment with its order, where it stands and its timeline. Every event
 * appends its {@link DeploymentTimeline} entry and moves the fields the entry changes; re-delivered events are
 * ignored as {@link AppliedSequence} explains. Deployments outlive their stack's removal and their cluster: they
 * are its history and part of the audit trail.
 */
@Component
@ProcessingGroup("deployment-projection")
public class DeploymentProjection {
    private final MongoCollection<Document> deployments;

    public DeploymentProjection(MongoDatabase database) {
        this.deployments = database.getCollection(ReadModelCollections.DEPLOYMENTS);
    }

    /** Without this a replay would change nothing: every stored version is already at or past the replayed one. */
    @ResetHandler
    void onReset() {
        deployments.deleteMany(new Document());
    }

    @EventHandler
    void on(StackDeploymentRequested event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        if (deployments.find(byId(event.deploymentId())).first() == null) {
            deployments.insertOne(DeploymentDocuments.requested(event, actor, message));
        }
    }

    /** A new attempt starts from the beginning, with the order the stack rebuilt for it. */
    @EventHandler
    void on(DeploymentRetried event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        update(message, event.deploymentId(), deployment -> DeploymentTimeline.retried(event, actor),
                deployment -> deployment
                        .append(ATTEMPT, event.order().attempt())
                        .append(CHANGED_SERVICES, event.order().changedServices())
                        .append(ACTIVE_SERVICES, new Document(event.order().activeServices()))
                        .append(MESSAGE, null)
                        .append(STEP, null)
                        .append(WEIGHT, null)
                        .append(FINISHED_AT, null));
    }

    @EventHandler
    void on(DeploymentProgressed event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        DeploymentProgress progress = event.progress();
        DeploymentEventView entry = DeploymentTimeline.progressed(event, actor);
        update(message, event.deploymentId(), deployment -> entry,
                deployment -> {
                    Map<String, Object> details = entry.details();
                    // every kind that names a step moves the deployment to it, every one that gives a reason is
                    // the message to read
                    if (details.get("step") != null) {
                        deployment.append(STEP, details.get("step"));
                    }
                    if (details.get("reason") != null) {
                        deployment.append(MESSAGE, details.get("reason"));
                    }
                    if (progress instanceof PausedAtStep paused) {
                        deployment.append(MESSAGE, "waiting for a promote at step " + paused.step());
                    }
                    deployment.append(WEIGHT, weightAfter(deployment.getInteger(WEIGHT), progress))
                            .append(ACTIVE_SERVICES,
                                    new Document(ActiveServices.after(activeServices(deployment), progress)));
                    if (!event.phase().isActive()) {
                        deployment.append(FINISHED_AT, date(event.at()));
                    }
                });
    }

    @EventHandler
    void on(DeploymentPromoted event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        update(message, event.deploymentId(), deployment -> DeploymentTimeline.promoted(event, actor),
                deployment -> deployment.append(MESSAGE, null));
    }

    @EventHandler
    void on(DeploymentPaused event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        update(message, event.deploymentId(), deployment -> DeploymentTimeline.paused(event, actor),
                deployment -> deployment.append(MESSAGE, "paused until resumed"));
    }

    @EventHandler
    void on(DeploymentResumed event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        update(message, event.deploymentId(), deployment -> DeploymentTimeline.resumed(event, actor),
                deployment -> deployment.append(MESSAGE, null));
    }

    /** Only an entry: the rollout's report of how the undoing ended moves the deployment. */
    @EventHandler
    void on(DeploymentAbortRequested event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        update(message, event.deploymentId(),
                deployment -> DeploymentTimeline.abortRequested(event, actor, phase(deployment)));
    }

    private void update(DomainEventMessage<?> message, String deploymentId,
                        Function<Document, DeploymentEventView> entryOf) {
        update(message, deploymentId, entryOf, deployment -> {
        });
    }

    /**
     * Appends the event's timeline entry, sets the phase it leaves and lets {@code transition} move the rest.
     *
     * @param entryOf the entry, from the deployment as the event found it
     */
    private void update(DomainEventMessage<?> message, String deploymentId,
                        Function<Document, DeploymentEventView> entryOf, Consumer<Document> transition) {
        Document deployment = deployments.find(byId(deploymentId)).first();
        if (!isNew(deployment, message)) {
            return;
        }
        DeploymentEventView entry = entryOf.apply(deployment);
        List<Document> timeline = new ArrayList<>(deployment.getList(TIMELINE, Document.class));
        timeline.add(DeploymentDocuments.entry(entry));
        deployment.append(TIMELINE, timeline).append(PHASE, name(entry.phase()));
        transition.accept(deployment);
        deployments.replaceOne(byId(deploymentId), stamp(deployment, message));
    }

    /** A canary's weight: each step sets it; its end leaves all the traffic to the new version, a rollback none. */
    private static Integer weightAfter(Integer weight, DeploymentProgress progress) {
        if (progress instanceof TrafficWeightUpdated updated) {
            return updated.weight();
        }
        if (weight != null && progress instanceof Completed) {
            return 100;
        }
        if (weight != null && progress instanceof RolledBack) {
            return 0;
        }
        return weight;
    }

    private static Bson byId(String deploymentId) {
        return Filters.eq(ID, deploymentId);
    }
}
