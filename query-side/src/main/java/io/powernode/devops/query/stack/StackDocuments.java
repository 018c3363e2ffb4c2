package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;

/**
 * The {@code stacks} document, keyed by stack id: a stack as the platform manages it. What runs in Docker is not
 * stored here; the swarm inventory has it (see {@link StackServices}).
 */
final class StackDocuments {
    static final String NAME = "name";
    /** The newest revision; absent until the platform deploys the stack (it may only have removed it). */
    static final String LATEST_REVISION = "latest_revision";
    /** The revision that completed last; cleared by a removal, after which nothing of the stack runs. */
    static final String LIVE_REVISION = "live_revision";
    /** The stack's newest deployment: only it can be under way, as a stack takes one deployment at a time. */
    static final String LAST_DEPLOYMENT_ID = "last_deployment_id";
    static final String LAST_DEPLOYMENT_PHASE = "last_deployment_phase";
    /** What the newest deployment applies: the live revision once it completes. */
    static final String LAST_DEPLOYMENT_REVISION = "last_deployment_revision";
    static final String ACTIVE_SERVICES = "active_services";
    /** The removal under way; absent when none is. */
    static final String REMOVAL_ID = "removal_id";
    /** When the stack was last removed; cleared by its next deployment. */
    static final String REMOVED_AT = "removed_at";
    static final String CREATED_AT = "created_at";

    private StackDocuments() {
    }

    /** A stack the platform hears of for the first time: by a deployment, or by the removal of a CLI stack. */
    static Document created(String stackId, String accountId, String clusterId, String name,
                            DomainEventMessage<?> message) {
        return new Document(ID, stackId)
                .append(ACCOUNT_ID, accountId)
                .append(CLUSTER_ID, clusterId)
                .append(NAME, name)
                .append(AppliedSequence.VERSION, -1L)
                .append(CREATED_AT, date(message.getTimestamp()));
    }

    static boolean managed(Document stack) {
        return stack.getInteger(LATEST_REVISION) != null;
    }

    static boolean removing(Document stack) {
        return stack.getString(REMOVAL_ID) != null;
    }

    static boolean removed(Document stack) {
        return stack.getDate(REMOVED_AT) != null;
    }

    static DeploymentPhase lastDeploymentPhase(Document stack) {
        return enumValue(stack, LAST_DEPLOYMENT_PHASE, DeploymentPhase.class);
    }

    /** The deployment under way, or null. */
    static String activeDeploymentId(Document stack) {
        DeploymentPhase phase = lastDeploymentPhase(stack);
        return phase != null && phase.isActive() ? stack.getString(LAST_DEPLOYMENT_ID) : null;
    }
}
