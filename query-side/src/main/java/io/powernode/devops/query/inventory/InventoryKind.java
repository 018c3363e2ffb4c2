package io.powernode.devops.query.inventory;

import org.bson.Document;

import java.util.function.Function;

/**
 * One kind of inventory item (a host's containers, a swarm's services …): where its documents live, whose
 * items they are, how an item observed by a sync is keyed and stored, and how a stored document answers a query.
 *
 * @param ownerField the field naming the host or cluster the item was observed on
 * @param key        the item's identity within its owner: the Docker id, or the name for volumes
 * @param fields     the item's own fields; the store adds the key, account, owner and observation time
 * @param sortField  the order lists are answered in
 */
public record InventoryKind<T, V>(String collection, String ownerField, Function<T, String> key,
                                  Function<T, Document> fields, Function<Document, V> toView, String sortField) {
    /** Field names every kind's items share. */
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String LABELS = "labels";
    public static final String OBSERVED_AT = "observed_at";

    /** Item keys are unique per owner only: the same image id shows up on many hosts. */
    String documentId(String ownerId, String itemKey) {
        return ownerId + ":" + itemKey;
    }
}
