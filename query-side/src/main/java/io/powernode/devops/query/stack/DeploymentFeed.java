package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.StackQueries.StreamDeploymentFeed;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.StackViews.DeploymentFeedEntry;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.feed.AccountFeed;
import io.powernode.devops.query.feed.FeedDefinition;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.powernode.devops.query.feed.FeedDefinition.CHANGE;
import static io.powernode.devops.query.feed.FeedDefinition.OCCURRED_AT;
import static io.powernode.devops.query.feed.FeedDefinition.SEQUENCE;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;
import static io.powernode.devops.query.mongo.DocumentValues.name;

/**
 * The account's deployment feed ({@code deployment_feed}), numbered and resumed as {@link AccountFeed} explains:
 * each entry is a deployment's timeline entry as it happens. Its event type is the entry's type
 * ({@code requested}, {@code traffic_weight_updated}, {@code promoted} …), not the Java event's name, so that an
 * SSE client reads the stream in the timeline's words; the change is the entry's details and who caused it.
 */
final class DeploymentFeed {
    static final String DEPLOYMENT_ID = "deployment_id";
    static final FeedDefinition<StreamDeploymentFeed, DeploymentFeedEntry> DEFINITION = new FeedDefinition<>(
            ReadModelCollections.DEPLOYMENT_FEED, "deployment_feed", DEPLOYMENT_ID, StreamDeploymentFeed.class,
            StreamDeploymentFeed::accountId, DeploymentFeed::toEntry);
    private static final String STACK_ID = "stack_id";
    private static final String TYPE = "type";
    private static final String PHASE = "phase";
    private static final String ACTOR = "actor";

    private DeploymentFeed() {
    }

    static Map<String, Object> change(DeploymentEventView entry) {
        Map<String, Object> change = new LinkedHashMap<>(entry.details());
        change.put(ACTOR, entry.actor());
        return change;
    }

    /** The entry's own fields beside the feed's. */
    static Document details(String stackId, DeploymentEventView entry) {
        return new Document(STACK_ID, stackId).append(TYPE, entry.type()).append(PHASE, name(entry.phase()));
    }

    static DeploymentFeedEntry toEntry(Document entry) {
        return new DeploymentFeedEntry(
                entry.getLong(SEQUENCE),
                entry.getString(ACCOUNT_ID),
                entry.getString(DEPLOYMENT_ID),
                entry.getString(STACK_ID),
                entry.getString(TYPE),
                enumValue(entry, PHASE, DeploymentPhase.class),
                instant(entry, OCCURRED_AT),
                map(entry, CHANGE));
    }
}
