package io.powernode.devops.query.host;

import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.feed.AccountFeed;
import io.powernode.devops.query.feed.FeedDefinition;
import org.bson.Document;

import static io.powernode.devops.query.feed.FeedDefinition.CHANGE;
import static io.powernode.devops.query.feed.FeedDefinition.EVENT_TYPE;
import static io.powernode.devops.query.feed.FeedDefinition.OCCURRED_AT;
import static io.powernode.devops.query.feed.FeedDefinition.SEQUENCE;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;

/**
 * The account's host feed ({@code host_feed}), numbered and resumed as {@link AccountFeed} explains. Each entry
 * carries the host as the event left it, so a client needs no second read.
 */
final class HostFeed {
    static final FeedDefinition<StreamHostFeed, HostFeedEntry> DEFINITION = new FeedDefinition<>(
            ReadModelCollections.HOST_FEED, "host_feed", HOST_ID, StreamHostFeed.class, StreamHostFeed::accountId,
            HostFeed::toEntry);
    private static final String HOST = "host";

    private HostFeed() {
    }

    /** The entry's own part: the host document as the event left it, or null once removed. */
    static Document details(Document host) {
        return new Document(HOST, host);
    }

    static HostFeedEntry toEntry(Document entry) {
        Document host = entry.get(HOST, Document.class);
        return new HostFeedEntry(
                entry.getLong(SEQUENCE),
                entry.getString(ACCOUNT_ID),
                entry.getString(HOST_ID),
                entry.getString(EVENT_TYPE),
                instant(entry, OCCURRED_AT),
                host == null ? null : HostDocuments.toView(host),
                map(entry, CHANGE));
    }
}
