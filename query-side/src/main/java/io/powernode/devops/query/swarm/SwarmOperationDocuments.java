package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;
import org.bson.Document;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;
import static io.powernode.devops.query.mongo.DocumentValues.stringList;

/**
 * The {@code swarm_operations} document, keyed by operation id, and its mapping to {@link SwarmOperationView}. The
 * field names are the view's, in snake_case, so the cluster feed describes operations under the same names.
 */
final class SwarmOperationDocuments {
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String TARGET = "target";
    static final String PARAMETERS = "parameters";
    static final String RESOURCE_ID = "resource_id";
    static final String NOTES = "notes";
    static final String FAILURE_KIND = "failure_kind";
    static final String FAILURE_MESSAGE = "failure_message";
    static final String REQUESTED_BY = "requested_by";
    static final String REQUESTED_AT = "requested_at";
    static final String STARTED_AT = "started_at";
    static final String COMPLETED_AT = "completed_at";

    private SwarmOperationDocuments() {
    }

    static SwarmOperationView toView(Document operation) {
        return new SwarmOperationView(
                operation.getString(ID),
                operation.getString(CLUSTER_ID),
                operation.getString(ACCOUNT_ID),
                operation.getString(TYPE),
                operation.getString(STATUS),
                operation.getString(TARGET),
                map(operation, PARAMETERS),
                operation.getString(RESOURCE_ID),
                stringList(operation, NOTES),
                operation.getString(FAILURE_KIND),
                operation.getString(FAILURE_MESSAGE),
                operation.getString(REQUESTED_BY),
                instant(operation, REQUESTED_AT),
                instant(operation, STARTED_AT),
                instant(operation, COMPLETED_AT));
    }
}
