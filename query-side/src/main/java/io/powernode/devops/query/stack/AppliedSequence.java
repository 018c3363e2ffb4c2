package io.powernode.devops.query.stack;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import static io.powernode.devops.query.mongo.DocumentValues.date;

/**
 * The re-delivery guard of the stack and deployment documents. Tokens and documents are stored with no transaction
 * spanning both, so events are delivered again after a crash; a stack's events (its deployments' included) are
 * numbered by the stack aggregate, so each document keeps the number of the last one applied and ignores anything
 * at or below it.
 */
final class AppliedSequence {
    static final String VERSION = "version";
    static final String UPDATED_AT = "updated_at";

    private AppliedSequence() {
    }

    static boolean isNew(Document document, DomainEventMessage<?> message) {
        return document != null && document.getLong(VERSION) < message.getSequenceNumber();
    }

    static Document stamp(Document document, DomainEventMessage<?> message) {
        return document.append(VERSION, message.getSequenceNumber())
                .append(UPDATED_AT, date(message.getTimestamp()));
    }
}
