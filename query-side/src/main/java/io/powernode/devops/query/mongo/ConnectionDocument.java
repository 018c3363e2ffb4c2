package io.powernode.devops.query.mongo;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import java.time.Instant;

import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.name;

/**
 * The document of something the platform reaches over the Docker API (a host, a cluster's manager): the fields
 * and status transitions both share, and the guard that makes their projections idempotent. Tokens and
 * documents are stored with no transaction spanning both, so events are re-delivered after a crash: each
 * document keeps the aggregate sequence number of the last event applied and ignores anything at or below it.
 */
public final class ConnectionDocument {
    public static final String NAME = "name";
    public static final String ENVIRONMENT = "environment";
    public static final String TLS_VERIFY = "tls_verify";
    public static final String HAS_TLS_CREDENTIALS = "has_tls_credentials";
    public static final String STATUS = "status";
    public static final String CONSECUTIVE_FAILURES = "consecutive_failures";
    public static final String LAST_SYNCED_AT = "last_synced_at";
    public static final String LAST_ERROR = "last_error";
    public static final String SYNC_INTERVAL_SECONDS = "sync_interval_seconds";
    /** The aggregate sequence number of the last event applied: the If-Match version and the re-delivery guard. */
    public static final String VERSION = "version";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";

    private ConnectionDocument() {
    }

    /** A newly registered endpoint: pending until its first sync. The caller adds its endpoint and counters. */
    public static Document registered(String id, String accountId, String name, DeploymentEnvironment environment,
                                      boolean tlsVerify, boolean hasTlsCredentials, int syncIntervalSeconds,
                                      DomainEventMessage<?> message) {
        Document document = new Document(CommonFields.ID, id)
                .append(CommonFields.ACCOUNT_ID, accountId)
                .append(NAME, name)
                .append(ENVIRONMENT, name(environment))
                .append(TLS_VERIFY, tlsVerify)
                .append(HAS_TLS_CREDENTIALS, hasTlsCredentials)
                .append(STATUS, name(ConnectionStatus.pending))
                .append(CONSECUTIVE_FAILURES, 0)
                .append(SYNC_INTERVAL_SECONDS, syncIntervalSeconds)
                .append(CREATED_AT, date(message.getTimestamp()));
        return stamp(document, message);
    }

    public static Document detailsChanged(Document document, String name, DeploymentEnvironment environment,
                                          boolean tlsVerify, int syncIntervalSeconds) {
        return document.append(NAME, name)
                .append(ENVIRONMENT, name(environment))
                .append(TLS_VERIFY, tlsVerify)
                .append(SYNC_INTERVAL_SECONDS, syncIntervalSeconds);
    }

    /** Connected and answering: the failures counted so far and their last error no longer apply. */
    public static Document healthy(Document document) {
        return document.append(STATUS, name(ConnectionStatus.connected))
                .append(CONSECUTIVE_FAILURES, 0)
                .append(LAST_ERROR, null);
    }

    public static Document connected(Document document, Instant connectedAt) {
        return healthy(document).append(LAST_SYNCED_AT, date(connectedAt));
    }

    /** A failure alone changes no status; the aggregate decides when enough failures disconnect or err. */
    public static Document syncFailed(Document document, int consecutiveFailures, String error) {
        return document.append(CONSECUTIVE_FAILURES, consecutiveFailures).append(LAST_ERROR, error);
    }

    public static Document status(Document document, ConnectionStatus status) {
        return document.append(STATUS, name(status));
    }

    public static Document markedError(Document document, int consecutiveFailures) {
        return status(document, ConnectionStatus.error).append(CONSECUTIVE_FAILURES, consecutiveFailures);
    }

    /** Pending again until a sync confirms the endpoint answers; the failures before maintenance no longer count. */
    public static Document maintenanceEnded(Document document) {
        return status(document, ConnectionStatus.pending).append(CONSECUTIVE_FAILURES, 0);
    }

    /**
     * False for a re-delivered event already applied, and for one of an endpoint that a later event removed (the
     * re-delivery of that removal follows, so skipping the events in between loses nothing).
     */
    public static boolean applies(Document document, DomainEventMessage<?> message) {
        return document != null && document.getLong(VERSION) < message.getSequenceNumber();
    }

    public static Document stamp(Document document, DomainEventMessage<?> message) {
        return document.append(VERSION, message.getSequenceNumber())
                .append(UPDATED_AT, date(message.getTimestamp()));
    }
}
