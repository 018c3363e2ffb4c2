package io.powernode.devops.query.inventory;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.powernode.devops.query.inventory.InventoryKind.OBSERVED_AT;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;

/**
 * Inventory items, one document each, whatever they were observed on. Upserting what a diff added or changed
 * and deleting what it removed is idempotent, so a re-delivered diff needs no guard.
 */
public final class InventoryStore {
    private final MongoDatabase database;

    public InventoryStore(MongoDatabase database) {
        this.database = database;
    }

    public <T> void apply(InventoryKind<T, ?> kind, String ownerId, String accountId, List<T> added,
                          List<T> changed, List<String> removedKeys, Instant observedAt) {
        var items = database.getCollection(kind.collection());
        Stream.concat(added.stream(), changed.stream()).forEach(item -> {
            String id = kind.documentId(ownerId, kind.key().apply(item));
            Document document = kind.fields().apply(item)
                    .append(ID, id)
                    .append(ACCOUNT_ID, accountId)
                    .append(kind.ownerField(), ownerId)
                    .append(OBSERVED_AT, date(observedAt));
            items.replaceOne(Filters.eq(ID, id), document, new ReplaceOptions().upsert(true));
        });
        if (!removedKeys.isEmpty()) {
            items.deleteMany(Filters.in(ID, removedKeys.stream().map(key -> kind.documentId(ownerId, key)).toList()));
        }
    }

    /** What a removed host or cluster leaves behind goes with it. */
    public void removeOwner(String ownerId, List<? extends InventoryKind<?, ?>> kinds) {
        kinds.forEach(kind ->
                database.getCollection(kind.collection()).deleteMany(Filters.eq(kind.ownerField(), ownerId)));
    }

    public <V> PagedFind.Slice<V> list(InventoryKind<?, V> kind, AccountScope scope, PageRequest page) {
        return PagedFind.find(database.getCollection(kind.collection()), scope.toFilter(),
                Sorts.ascending(kind.sortField(), ID), page, kind.toView());
    }

    /** The one item the scope names, as its view; null when the scope matches none. */
    public <V> V find(InventoryKind<?, V> kind, AccountScope scope) {
        Document item = database.getCollection(kind.collection()).find(scope.toFilter()).first();
        return item == null ? null : kind.toView().apply(item);
    }

    /** Every item of one owner, for reads that judge the whole (a cluster's health), not page through it. */
    public <V> List<V> all(InventoryKind<?, V> kind, String ownerId) {
        return database.getCollection(kind.collection()).find(Filters.eq(kind.ownerField(), ownerId))
                .map(kind.toView()::apply)
                .into(new ArrayList<>());
    }
}
