package io.powernode.devops.query.host;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;

/**
 * The account's host feed ({@code host_feed}, keyed by the event's global position): stored so that an SSE
 * client can resume after the last position it saw, and emitted to the subscribers that are listening now.
 */
final class HostFeed {
    private static final String EVENT_TYPE = "event_type";
    private static final String OCCURRED_AT = "occurred_at";
    private static final String HOST = "host";
    private static final String CHANGE = "change";

    private final MongoCollection<Document> entries;
    private final QueryUpdateEmitter emitter;

    HostFeed(MongoCollection<Document> entries, QueryUpdateEmitter emitter) {
        this.entries = entries;
        this.emitter = emitter;
    }

    /**
     * Records one change; {@code host} is the host document as the event left it, or null once removed.
     * An entry already stored at this position is kept as it is: a re-delivered event must not rewrite history.
     */
    void append(long position, String accountId, String hostId, String eventType, Instant occurredAt,
                Document host, Map<String, Object> change) {
        Document entry = new Document(ACCOUNT_ID, accountId)
                .append(HOST_ID, hostId)
                .append(EVENT_TYPE, eventType)
                .append(OCCURRED_AT, date(occurredAt))
                .append(HOST, host)
                .append(CHANGE, new Document(change));
        entries.updateOne(Filters.eq(ID, position), Updates.setOnInsert(entry), new UpdateOptions().upsert(true));
        // mapped back from the stored form, so a live subscriber sees exactly what a resuming one will read
        HostFeedEntry update = toEntry(new Document(entry).append(ID, position));
        emitter.emit(StreamHostFeed.class, query -> query.accountId().equals(accountId), update);
    }

    /** A replay rebuilds the feed at the same positions. */
    void clear() {
        entries.deleteMany(new Document());
    }

    static HostFeedEntry toEntry(Document entry) {
        Document host = entry.get(HOST, Document.class);
        return new HostFeedEntry(
                entry.getLong(ID),
                entry.getString(ACCOUNT_ID),
                entry.getString(HOST_ID),
                entry.getString(EVENT_TYPE),
                instant(entry, OCCURRED_AT),
                host == null ? null : HostDocuments.toView(host),
                map(entry, CHANGE));
    }
}
