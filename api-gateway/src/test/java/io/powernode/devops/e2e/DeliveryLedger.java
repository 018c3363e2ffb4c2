package io.powernode.devops.e2e;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * A test-only event handler, tracked like the real projections, that writes down every event it is handed:
 * an event handed over twice shows up as a duplicate, one never handed over is missing from the ledger.
 */
@ProcessingGroup("test-delivery-ledger")
class DeliveryLedger {

    static final String DELIVERED = "test_delivered";
    static final String DUPLICATES = "test_duplicate_deliveries";

    private final MongoDatabase database;

    DeliveryLedger(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        try {
            database.getCollection(DELIVERED).insertOne(new Document("_id", event.getIdentifier()));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            database.getCollection(DUPLICATES).insertOne(new Document("event_id", event.getIdentifier()));
        }
    }
}
