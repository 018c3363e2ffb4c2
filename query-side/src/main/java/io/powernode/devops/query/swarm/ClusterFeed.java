package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.swarm.ClusterQueries.StreamClusterFeed;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterFeedEntry;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.feed.AccountFeed;
import io.powernode.devops.query.feed.FeedDefinition;
import org.bson.Document;

import static io.powernode.devops.query.feed.FeedDefinition.CHANGE;
import static io.powernode.devops.query.feed.FeedDefinition.EVENT_TYPE;
import static io.powernode.devops.query.feed.FeedDefinition.OCCURRED_AT;
import static io.powernode.devops.query.feed.FeedDefinition.SEQUENCE;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;

/** The account's cluster feed ({@code cluster_feed}), numbered and resumed as {@link AccountFeed} explains. */
final class ClusterFeed {
    static final FeedDefinition<StreamClusterFeed, ClusterFeedEntry> DEFINITION = new FeedDefinition<>(
            ReadModelCollections.CLUSTER_FEED, "cluster_feed", CLUSTER_ID, StreamClusterFeed.class,
            StreamClusterFeed::accountId, ClusterFeed::toEntry);

    private ClusterFeed() {
    }

    static ClusterFeedEntry toEntry(Document entry) {
        return new ClusterFeedEntry(
                entry.getLong(SEQUENCE),
                entry.getString(ACCOUNT_ID),
                entry.getString(CLUSTER_ID),
                entry.getString(EVENT_TYPE),
                instant(entry, OCCURRED_AT),
                map(entry, CHANGE));
    }
}
