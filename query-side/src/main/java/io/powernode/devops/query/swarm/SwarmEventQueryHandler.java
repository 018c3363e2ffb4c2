package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmEvents;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.dockerevent.DockerEventDocuments;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import io.powernode.devops.query.dockerevent.DockerEventSeverity;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** The cluster's error events since {@code since}, newest first: context for its health. */
    List<SwarmEventView> recentErrors(String accountId, String clusterId, Instant since, int limit) {
        Bson filter = Filters.and(AccountScope.of(accountId).whereEquals(CLUSTER_ID, clusterId)
                        .whereEquals(SEVERITY, DockerEventSeverity.ERROR).toFilter(),
                Filters.gte(TIME_NANO, since.getEpochSecond() * 1_000_000_000L + since.getNano()));
        return events.find(filter).sort(Sorts.descending(TIME_NANO, ID)).limit(limit)
                .map(SwarmEventQueryHandler::toView).into(new ArrayList<>());
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
