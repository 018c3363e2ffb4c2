package io.powernode.devops.query.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;

import java.util.Map;

import static io.powernode.devops.query.feed.FeedDefinition.CHANGE;
import static io.powernode.devops.query.feed.FeedDefinition.EVENT_TYPE;
import static io.powernode.devops.query.feed.FeedDefinition.OCCURRED_AT;
import static io.powernode.devops.query.feed.FeedDefinition.SEQUENCE;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;

/**
 * An account's feed of changes (hosts, clusters): stored so that an SSE client can resume after the last entry it
 * saw, and emitted to the subscribers that are listening now.
 * <p>
 * Entries are numbered by the projection that writes them, in the order it handles events. The event store's
 * global positions cannot serve: a SQL store assigns them at insert but they become visible at commit, so position
 * 10 can be handled after 11, and a client that already has 11 would never get 10. The number comes from a
 * persisted counter document, incremented atomically before the entry is written:
 * <ul>
 *   <li>the writing processing group runs as one segment, so there is one writer and the numbers grow in handling
 *       order;</li>
 *   <li>a restart, or another node claiming the segment, continues above every number ever handed out; a crash
 *       between the increment and the write only leaves a gap, which resuming clients do not notice;</li>
 *   <li>an entry is keyed by the event's message identifier, so a re-delivered event finds its entry and keeps
 *       its number instead of taking a new one;</li>
 *   <li>a reset empties the entries but keeps the counter: the rebuilt feed is numbered above any number a
 *       client may hold, so a resume position never comes to mean a different entry.</li>
 * </ul>
 */
public final class AccountFeed<Q, E> {
    private static final String COUNTER_VALUE = "value";

    private final FeedDefinition<Q, E> definition;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> counters;
    private final QueryUpdateEmitter emitter;

    public AccountFeed(MongoDatabase database, FeedDefinition<Q, E> definition, QueryUpdateEmitter emitter) {
        this.definition = definition;
        this.entries = database.getCollection(definition.collection());
        this.counters = database.getCollection(ReadModelCollections.COUNTERS);
        this.emitter = emitter;
    }

    /**
     * Records the change an event made to {@code subjectId}. A re-delivered event keeps the entry and number it got
     * the first time: history is not rewritten.
     *
     * @param details the feed kind's own fields of the entry (e.g. the host as the event left it), or null
     */
    public void append(DomainEventMessage<?> event, String accountId, String subjectId, Map<String, Object> change,
                       Document details) {
        if (resend(event)) {
            return;
        }
        Document entry = new Document(ID, event.getIdentifier())
                .append(SEQUENCE, nextSequence())
                .append(ACCOUNT_ID, accountId)
                .append(definition.subjectField(), subjectId)
                .append(EVENT_TYPE, event.getPayloadType().getSimpleName())
                .append(OCCURRED_AT, date(event.getTimestamp()))
                .append(CHANGE, new Document(change));
        if (details != null) {
            entry.putAll(details);
        }
        entries.insertOne(entry);
        emit(entry);
    }

    /**
     * Emits the entry already recorded for this event again; false when there is none. Updates are emitted when
     * the processor's unit of work commits, so a batch that failed after writing its entries emitted none of
     * them: its retry must emit them, in order, even for events it then skips as already applied.
     */
    public boolean resend(DomainEventMessage<?> event) {
        Document entry = entries.find(Filters.eq(ID, event.getIdentifier())).first();
        if (entry == null) {
            return false;
        }
        emit(entry);
        return true;
    }

    /** A replay rebuilds the entries; the counter stays, so their new numbers follow every earlier one. */
    public void clear() {
        entries.deleteMany(new Document());
    }

    private long nextSequence() {
        return counters.findOneAndUpdate(Filters.eq(ID, definition.counterId()), Updates.inc(COUNTER_VALUE, 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .getLong(COUNTER_VALUE);
    }

    private void emit(Document entry) {
        // mapped from the stored form, so a live subscriber sees exactly what a resuming one will read
        E update = definition.toEntry().apply(entry);
        String accountId = entry.getString(ACCOUNT_ID);
        emitter.emit(definition.queryType(), query -> accountId.equals(definition.accountOf().apply(query)), update);
    }
}
