package io.powernode.devops.query.stack;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackQueries.StreamDeploymentFeed;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.StackViews.DeploymentFeedEntry;
import io.powernode.devops.query.feed.AccountFeed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * The account's deployment feed: every deployment's timeline as it grows, for SSE clients. The feed reads no read
 * model, so it does not depend on another processor's progress; an abort request, whose phase is the one the
 * deployment was in, so carries no phase. Re-delivered events keep their entry (see {@link AccountFeed}). The
 * processing group must stay one segment: the feed numbers its entries in the order this one writer handles events.
 */
@Component
@ProcessingGroup("deployment-feed-projection")
public class DeploymentFeedProjection {
    private final AccountFeed<StreamDeploymentFeed, DeploymentFeedEntry> feed;

    public DeploymentFeedProjection(MongoDatabase database, QueryUpdateEmitter emitter) {
        this.feed = new AccountFeed<>(database, DeploymentFeed.DEFINITION, emitter);
    }

    @ResetHandler
    void onReset() {
        feed.clear();
    }

    @EventHandler
    void on(StackDeploymentRequested event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.requested(event, actor));
    }

    @EventHandler
    void on(DeploymentRetried event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.retried(event, actor));
    }

    @EventHandler
    void on(DeploymentProgressed event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.progressed(event, actor));
    }

    @EventHandler
    void on(DeploymentPromoted event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.promoted(event, actor));
    }

    @EventHandler
    void on(DeploymentPaused event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.paused(event, actor));
    }

    @EventHandler
    void on(DeploymentResumed event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.resumed(event, actor));
    }

    @EventHandler
    void on(DeploymentAbortRequested event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        append(message, event.accountId(), event.stackId(), event.deploymentId(),
                DeploymentTimeline.abortRequested(event, actor, null));
    }

    private void append(DomainEventMessage<?> message, String accountId, String stackId, String deploymentId,
                        DeploymentEventView entry) {
        feed.append(message, accountId, deploymentId, DeploymentFeed.change(entry),
                DeploymentFeed.details(stackId, entry));
    }
}
