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

/** The {@code docker_events} document and its mapping to {@link DockerEventView}. */
final class DockerEventDocuments {
    static final String TYPE = "type";
    static final String SEVERITY = "severity";
    /** For people and date-range tools; BSON dates keep milliseconds only. */
    static final String TIME = "time";
    /** Docker's own nanosecond time: the exact order of events and the exact time the view answers. */
    static final String TIME_NANO = "time_nano";

    private DockerEventDocuments() {
    }

    static Document toDocument(String id, String hostId, String accountId, DockerEventRecord event) {
        return new Document(ID, id)
                .append(ACCOUNT_ID, accountId)
                .append(HOST_ID, hostId)
                .append(TYPE, event.type())
                .append("action", event.action())
                .append("actor_id", event.actorId())
                .append("attributes", event.attributes())
                .append("scope", event.scope())
                .append(SEVERITY, DockerEventSeverity.of(event))
                .append(TIME, date(event.time()))
                .append(TIME_NANO, event.timeNano());
    }

    static DockerEventView toView(Document document) {
        return new DockerEventView(
                document.getString(ID),
                document.getString(HOST_ID),
                document.getString(TYPE),
                document.getString("action"),
                document.getString("actor_id"),
                stringMap(document, "attributes"),
                document.getString("scope"),
                document.getString(SEVERITY),
                Instant.ofEpochSecond(0, document.getLong(TIME_NANO)));
    }
}
