package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.swarm.OperationSummary;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.FAILED;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.REQUESTED;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.RUNNING;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.SUCCEEDED;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.swarm.SwarmOperationDocuments.*;

/**
 * Every swarm operation and where it stands ({@code swarm_operations}). Each event moves an operation only forward
 * (requested, running, then succeeded or failed), and each update names the statuses it moves from, so a
 * re-delivered event finds nothing to change. The request is inserted once, as a whole document (its
 * parameters may hold label keys with dots, such as com.docker.stack.namespace, which are safest outside update
 * operators); an operation's events all come from its cluster, in order, so looking before inserting races with no
 * other writer. Operations outlive their cluster: they are part of the audit trail.
 */
@Component
@ProcessingGroup("swarm-operation-projection")
public class SwarmOperationProjection {
    private final MongoCollection<Document> operations;

    public SwarmOperationProjection(MongoDatabase database) {
        this.operations = database.getCollection(ReadModelCollections.SWARM_OPERATIONS);
    }

    @ResetHandler
    void onReset() {
        operations.deleteMany(new Document());
    }

    /** @param actorId who asked, from the metadata the API attached; null for an operation the platform started */
    @EventHandler
    void on(SwarmOperationRequested event, @MetaDataValue(MessageMetadata.ACTOR_ID) String actorId) {
        if (operations.find(Filters.eq(ID, event.operationId())).first() != null) {
            return;
        }
        OperationSummary audit = OperationSummary.of(event.operation(), event.clusterId());
        Document requested = new Document(ID, event.operationId())
                .append(ACCOUNT_ID, event.accountId())
                .append(CLUSTER_ID, event.clusterId())
                .append(TYPE, SwarmOperation.typeOf(event.operation()))
                .append(STATUS, REQUESTED)
                .append(TARGET, audit.target())
                .append(PARAMETERS, new Document(audit.parameters()))
                .append(REQUESTED_BY, actorId)
                .append(REQUESTED_AT, date(event.requestedAt()));
        operations.insertOne(requested);
    }

    @EventHandler
    void on(SwarmOperationStarted event) {
        move(event.operationId(), List.of(REQUESTED), Updates.combine(
                Updates.set(STATUS, RUNNING),
                Updates.set(STARTED_AT, date(event.startedAt()))));
    }

    @EventHandler
    void on(SwarmOperationSucceeded event) {
        move(event.operationId(), List.of(REQUESTED, RUNNING), Updates.combine(
                Updates.set(STATUS, SUCCEEDED),
                Updates.set(RESOURCE_ID, event.resourceId()),
                Updates.set(NOTES, event.notes()),
                Updates.set(COMPLETED_AT, date(event.completedAt()))));
    }

    @EventHandler
    void on(SwarmOperationFailed event) {
        move(event.operationId(), List.of(REQUESTED, RUNNING), Updates.combine(
                Updates.set(STATUS, FAILED),
                Updates.set(FAILURE_KIND, event.failure() == null ? null : name(event.failure().kind())),
                Updates.set(FAILURE_MESSAGE, event.failure() == null ? null : event.failure().message()),
                Updates.set(COMPLETED_AT, date(event.failedAt()))));
    }

    private void move(String operationId, List<String> fromStatuses, Bson update) {
        operations.updateOne(Filters.and(Filters.eq(ID, operationId), Filters.in(STATUS, fromStatuses)), update);
    }
}
