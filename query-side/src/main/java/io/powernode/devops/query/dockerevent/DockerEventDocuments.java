package io.powernode.devops.query.dockerevent;

import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostViews.DockerEventView;
import org.bson.Document;

import java.time.Instant;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;

/**
 * A Docker event log document, whatever reported the event: a host's daemon ({@code docker_events}) or a swarm
 * cluster's manager ({@code swarm_events}). Its mapping to the host's {@link DockerEventView} is here too.
 */
public final class DockerEventDocuments {
    public static final String TYPE = "type";
    public static final String ACTION = "action";
    public static final String ACTOR_ID = "actor_id";
    public static final String ATTRIBUTES = "attributes";
    public static final String SCOPE = "scope";
    public static final String SEVERITY = "severity";
    /** For people and date-range tools; BSON dates keep milliseconds only. */
    public static final String TIME = "time";
    /** Docker's own nanosecond time: the exact order of events and the exact time the view answers. */
    public static final String TIME_NANO = "time_nano";

    private DockerEventDocuments() {
    }

    /**
     * @param ownerField the field naming what reported the event ({@code host_id}, {@code cluster_id})
     */
    public static Document toDocument(String id, String ownerField, String ownerId, String accountId,
                                      DockerEventRecord event) {
        return new Document(ID, id)
                .append(ACCOUNT_ID, accountId)
                .append(ownerField, ownerId)
                .append(TYPE, event.type())
                .append(ACTION, event.action())
                .append(ACTOR_ID, event.actorId())
                .append(ATTRIBUTES, event.attributes())
                .append(SCOPE, event.scope())
                .append(SEVERITY, DockerEventSeverity.of(event))
                .append(TIME, date(event.time()))
                .append(TIME_NANO, event.timeNano());
    }

    /** The exact time Docker gave the event. */
    public static Instant time(Document document) {
        return Instant.ofEpochSecond(0, document.getLong(TIME_NANO));
    }

    static DockerEventView toView(Document document) {
        return new DockerEventView(
                document.getString(ID),
                document.getString(HOST_ID),
                document.getString(TYPE),
                document.getString(ACTION),
                document.getString(ACTOR_ID),
                stringMap(document, ATTRIBUTES),
                document.getString(SCOPE),
                document.getString(SEVERITY),
                time(document));
    }
}
