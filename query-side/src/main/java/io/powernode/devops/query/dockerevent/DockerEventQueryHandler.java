package io.powernode.devops.query.dockerevent;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.host.HostQueries.ListDockerEvents;
import io.powernode.devops.kernel.host.HostViews.DockerEventPage;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.dockerevent.DockerEventDocuments.SEVERITY;
import static io.powernode.devops.query.dockerevent.DockerEventDocuments.TIME_NANO;
import static io.powernode.devops.query.dockerevent.DockerEventDocuments.TYPE;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;

@Component
public class DockerEventQueryHandler {
    private final MongoCollection<Document> events;

    public DockerEventQueryHandler(MongoDatabase database) {
        this.events = database.getCollection(ReadModelCollections.DOCKER_EVENTS);
    }

    /** Newest first, by Docker's nanosecond time. */
    @QueryHandler
    public DockerEventPage handle(ListDockerEvents query) {
        var slice = PagedFind.find(events,
                AccountScope.of(query.accountId())
                        .whereEquals(HOST_ID, query.hostId())
                        .whereEquals(TYPE, query.type())
                        .whereEquals(SEVERITY, query.severity())
                        .toFilter(),
                Sorts.descending(TIME_NANO, ID), query.page(), DockerEventDocuments::toView);
        return new DockerEventPage(slice.items(), slice.page());
    }
}
