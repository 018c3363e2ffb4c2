package io.powernode.devops.query.feed;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.query.mongo.AccountScope;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of account feed (hosts, clusters): where its entries live, which persisted counter numbers them, what
 * each entry is about, and the subscription query it answers. {@link AccountFeed} writes it; {@link #backlog}
 * reads it for a resuming client.
 *
 * @param collection   the entries' collection
 * @param counterId    the counter document that numbers the entries; never renamed, or numbers would restart
 * @param subjectField the field naming the host or cluster an entry is about
 * @param queryType    the subscription query whose subscribers receive new entries
 * @param accountOf    the account a subscription is for
 * @param toEntry      a stored entry as the query answers it
 */
public record FeedDefinition<Q, E>(String collection, String counterId, String subjectField, Class<Q> queryType,
                                   Function<Q, String> accountOf, Function<Document, E> toEntry) {

    /** The feed number: what an entry's position answers and SSE clients resume after. */
    public static final String SEQUENCE = "seq";
    public static final String EVENT_TYPE = "event_type";
    public static final String OCCURRED_AT = "occurred_at";
    public static final String CHANGE = "change";
    /** The most entries a resuming client is sent at once, as the stream queries document. */
    public static final int MAX_BACKLOG = 1000;

    /**
     * The initial result of the feed subscription. A client without a resume position (a negative one) starts from
     * now: it reads the current state from the lists, so it gets nothing. A resuming one gets what it missed, oldest
     * first and capped so that a long-gone client cannot make the query load the whole history.
     */
    public List<E> backlog(MongoDatabase database, String accountId, long afterPosition) {
        if (afterPosition < 0) {
            return List.of();
        }
        return database.getCollection(collection)
                .find(AccountScope.of(accountId).where(Filters.gt(SEQUENCE, afterPosition)).toFilter())
                .sort(Sorts.ascending(SEQUENCE))
                .limit(MAX_BACKLOG)
                .map(toEntry::apply)
                .into(new ArrayList<>());
    }
}
