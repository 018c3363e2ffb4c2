package io.powernode.devops.query.inventory;

import org.bson.Document;

import java.util.function.Function;

/**
 * One kind of inventory item (containers, images, networks, volumes): where its documents live, how an item
 * observed by a sync is keyed and stored, and how a stored document answers a query.
 *
 * @param key       the item's identity on its host: the Docker id, or the name for volumes
 * @param fields    the item's own fields; the projection adds the key, account, host and observation time
 * @param sortField the order lists are answered in
 */
record InventoryKind<T, V>(String collection, Function<T, String> key, Function<T, Document> fields,
                           Function<Document, V> toView, String sortField) {

    /** Item keys are unique per host only: the same image id shows up on many hosts. */
    String documentId(String hostId, String itemKey) {
        return hostId + ":" + itemKey;
    }
}
