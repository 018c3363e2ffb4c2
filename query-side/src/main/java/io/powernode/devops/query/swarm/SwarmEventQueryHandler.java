package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmEvents;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.dockerevent.DockerEventDocuments;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.dockerevent.DockerEventDocuments.*;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;

/** Lists the clusters' Docker events from {@code swarm_events}, always within one account. */
@Component
public class SwarmEventQueryHandler {
    private final MongoCollection<Document> events;

    public SwarmEventQueryHandler(MongoDatabase database) {
        this.events = database.getCollection(ReadModelCollections.SWARM_EVENTS);
    }

    /** Newest first, by Docker's nanosecond time. */
    @QueryHandler
    public SwarmEventPage handle(ListSwarmEvents query) {
        var slice = PagedFind.find(events,
                AccountScope.of(query.accountId())
                        .whereEquals(CLUSTER_ID, query.clusterId())
                        .whereEquals(TYPE, query.type())
                        .toFilter(),
                Sorts.descending(TIME_NANO, ID), query.page(), SwarmEventQueryHandler::toView);
        return new SwarmEventPage(slice.items(), slice.page());
    }

    private static SwarmEventView toView(Document document) {
        return new SwarmEventView(
                document.getString(ID),
                document.getString(CLUSTER_ID),
                document.getString(TYPE),
                document.getString(ACTION),
                document.getString(ACTOR_ID),
                stringMap(document, ATTRIBUTES),
                document.getString(SEVERITY),
                DockerEventDocuments.time(document));
    }
}
