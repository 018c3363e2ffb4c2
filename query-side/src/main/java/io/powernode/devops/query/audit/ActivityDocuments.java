package io.powernode.devops.query.audit;

import io.powernode.devops.kernel.audit.AuditEvents.ActivityRecorded;
import io.powernode.devops.kernel.audit.AuditEvents.Outcome;
import io.powernode.devops.kernel.audit.AuditQueries.ActivityView;
import org.bson.Document;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;
import static io.powernode.devops.query.mongo.DocumentValues.name;

/** The {@code activities} document and its mapping to {@link ActivityView}. */
final class ActivityDocuments {
    static final String ACTION = "action";
    static final String TARGET_ID = "target_id";
    static final String OCCURRED_AT = "occurred_at";

    private ActivityDocuments() {
    }

    /** The parameters arrive with their secrets already replaced by a marker (see ActivityRecorded). */
    static Document toDocument(ActivityRecorded activity) {
        return new Document(ID, activity.activityId())
                .append(ACCOUNT_ID, activity.accountId())
                .append("actor_id", activity.actorId())
                .append("actor_type", activity.actorType())
                .append(ACTION, activity.action())
                .append("target_type", activity.targetType())
                .append(TARGET_ID, activity.targetId())
                .append("parameters", activity.parameters())
                .append("outcome", name(activity.outcome()))
                .append("detail", activity.detail())
                .append(OCCURRED_AT, date(activity.occurredAt()))
                .append("correlation_id", activity.correlationId());
    }

    static ActivityView toView(Document document) {
        return new ActivityView(
                document.getString(ID),
                document.getString(ACCOUNT_ID),
                document.getString("actor_id"),
                document.getString("actor_type"),
                document.getString(ACTION),
                document.getString("target_type"),
                document.getString(TARGET_ID),
                map(document, "parameters"),
                enumValue(document, "outcome", Outcome.class),
                document.getString("detail"),
                instant(document, OCCURRED_AT),
                document.getString("correlation_id"));
    }
}
