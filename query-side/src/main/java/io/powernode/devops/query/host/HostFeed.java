package io.powernode.devops.query.host;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;

import java.util.Map;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;

/**
 * The account's host feed ({@code host_feed}): stored so that an SSE client can resume after the last entry it
 * saw, and emitted to the subscribers that are listening now.
 * <p>
 * Entries are numbered by this projection, in the order it handles events. The event store's global positions
 * cannot serve: a SQL store assigns them at insert but they become visible at commit, so position 10 can be
 * handled after 11, and a client that already has 11 would never get 10. The number comes from a persisted
 * counter document, incremented atomically before the entry is written:
 * <ul>
 *   <li>host-projection runs as one segment, so there is one writer and the numbers grow in handling order;</li>
 *   <li>a restart, or another node claiming the segment, continues above every number ever handed out; a crash
 *       between the increment and the write only leaves a gap, which resuming clients do not notice;</li>
 *   <li>an entry is keyed by the event's message identifier, so a re-delivered event finds its entry and keeps
 *       its number instead of taking a new one;</li>
 *   <li>a reset empties the entries but keeps the counter: the rebuilt feed is numbered above any number a
 *       client may hold, so a resume position never comes to mean a different entry.</li>
 * </ul>
 */
final class HostFeed {
    /** The feed number: what {@link HostFeedEntry#position()} answers and SSE clients resume after. */
    static final String SEQUENCE = "seq";
    private static final String EVENT_TYPE = "event_type";
    private static final String OCCURRED_AT = "occurred_at";
    private static final String HOST = "host";
    private static final String CHANGE = "change";
    private static final String COUNTER_ID = "host_feed";
    private static final String COUNTER_VALUE = "value";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> counters;
    private final QueryUpdateEmitter emitter;

    HostFeed(MongoCollection<Document> entries, MongoCollection<Document> counters, QueryUpdateEmitter emitter) {
        this.entries = entries;
        this.counters = counters;
        this.emitter = emitter;
    }

    /**
     * Records the change an event made; {@code host} is the host document as the event left it, or null once
     * removed. A re-delivered event keeps the entry and number it got the first time: history is not rewritten.
     */
    void append(DomainEventMessage<?> event, String accountId, String hostId, Document host,
                Map<String, Object> change) {
        if (resend(event)) {
            return;
        }
        Document entry = new Document(ID, event.getIdentifier())
                .append(SEQUENCE, nextSequence())
                .append(ACCOUNT_ID, accountId)
                .append(HOST_ID, hostId)
                .append(EVENT_TYPE, event.getPayloadType().getSimpleName())
                .append(OCCURRED_AT, date(event.getTimestamp()))
                .append(HOST, host)
                .append(CHANGE, new Document(change));
        entries.insertOne(entry);
        emit(entry);
    }

    /**
     * Emits the entry already recorded for this event again; false when there is none. Updates are emitted when
     * the processor's unit of work commits, so a batch that failed after writing its entries emitted none of
     * them: its retry must emit them, in order, even for events it then skips as already applied.
     */
    boolean resend(DomainEventMessage<?> event) {
        Document entry = entries.find(Filters.eq(ID, event.getIdentifier())).first();
        if (entry == null) {
            return false;
        }
        emit(entry);
        return true;
    }

    /** A replay rebuilds the entries; the counter stays, so their new numbers follow every earlier one. */
    void clear() {
        entries.deleteMany(new Document());
    }

    private long nextSequence() {
        return counters.findOneAndUpdate(Filters.eq(ID, COUNTER_ID), Updates.inc(COUNTER_VALUE, 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .getLong(COUNTER_VALUE);
    }

    private void emit(Document entry) {
        // mapped from the stored form, so a live subscriber sees exactly what a resuming one will read
        HostFeedEntry update = toEntry(entry);
        emitter.emit(StreamHostFeed.class, query -> query.accountId().equals(update.accountId()), update);
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
