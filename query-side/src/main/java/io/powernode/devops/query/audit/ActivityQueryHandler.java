package io.powernode.devops.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.audit.AuditQueries.ActivityPage;
import io.powernode.devops.kernel.audit.AuditQueries.ListActivities;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.audit.ActivityDocuments.ACTION;
import static io.powernode.devops.query.audit.ActivityDocuments.OCCURRED_AT;
import static io.powernode.devops.query.audit.ActivityDocuments.TARGET_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;

@Component
public class ActivityQueryHandler {
    private final MongoCollection<Document> activities;

    public ActivityQueryHandler(MongoDatabase database) {
        this.activities = database.getCollection(ReadModelCollections.ACTIVITIES);
    }

    /** Newest first. */
    @QueryHandler
    public ActivityPage handle(ListActivities query) {
        var slice = PagedFind.find(activities,
                AccountScope.of(query.accountId())
                        .whereEquals(TARGET_ID, query.targetId())
                        .whereEquals(ACTION, query.action())
                        .toFilter(),
                Sorts.descending(OCCURRED_AT, ID), query.page(), ActivityDocuments::toView);
        return new ActivityPage(slice.items(), slice.page());
    }
}
