package io.powernode.devops.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.powernode.devops.kernel.audit.AuditEvents.ActivityRecorded;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.ID;

/** The activity audit, one document per activity id: a re-delivered record replaces itself. */
@Component
@ProcessingGroup("activity-projection")
public class ActivityProjection {
    private final MongoCollection<Document> activities;

    public ActivityProjection(MongoDatabase database) {
        this.activities = database.getCollection(ReadModelCollections.ACTIVITIES);
    }

    @EventHandler
    void on(ActivityRecorded activity) {
        activities.replaceOne(Filters.eq(ID, activity.activityId()), ActivityDocuments.toDocument(activity),
                new ReplaceOptions().upsert(true));
    }
}
