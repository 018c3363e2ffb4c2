package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.map;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.mongo.DocumentValues.stringList;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;
import static io.powernode.devops.query.stack.AppliedSequence.UPDATED_AT;
import static io.powernode.devops.query.stack.AppliedSequence.stamp;

/**
 * The {@code deployments} document, keyed by deployment id, and its mapping to {@link DeploymentView}. What the
 * revision was given besides the compose file is kept by name only: interpolation values and file contents may be
 * secrets (and secret files are sealed), and the converted plan holds the interpolated values, so neither is stored.
 */
final class DeploymentDocuments {
    static final String STACK_ID = "stack_id";
    static final String STACK_NAME = "stack_name";
    static final String REVISION = "revision";
    static final String PREVIOUS_REVISION = "previous_revision";
    static final String TRIGGER = "trigger";
    static final String BASED_ON_DEPLOYMENT_ID = "based_on_deployment_id";
    static final String STRATEGY = "strategy";
    static final String PHASE = "phase";
    static final String MESSAGE = "message";
    static final String ATTEMPT = "attempt";
    static final String STEP = "step";
    static final String WEIGHT = "weight";
    static final String REQUESTED_BY = "requested_by";
    static final String REQUESTED_AT = "requested_at";
    static final String FINISHED_AT = "finished_at";
    static final String CHANGED_SERVICES = "changed_services";
    static final String ACTIVE_SERVICES = "active_services";
    static final String WARNINGS = "warnings";
    static final String COMPOSE = "compose";
    static final String ENVIRONMENT_KEYS = "environment_keys";
    static final String FILE_NAMES = "file_names";
    static final String TIMELINE = "timeline";

    private static final String TYPE = "type";
    private static final String AT = "at";
    private static final String ACTOR = "actor";
    private static final String DETAILS = "details";

    private DeploymentDocuments() {
    }

    static Document requested(StackDeploymentRequested event, String actor, DomainEventMessage<?> message) {
        DeploymentOrder order = event.order();
        ComposeSource source = order.revision().source();
        Document deployment = new Document(ID, order.deploymentId())
                .append(ACCOUNT_ID, event.accountId())
                .append(STACK_ID, event.stackId())
                .append(STACK_NAME, order.stackName())
                .append(CLUSTER_ID, order.clusterId())
                .append(REVISION, order.revision().number())
                .append(PREVIOUS_REVISION, event.previousRevision())
                .append(TRIGGER, name(event.trigger()))
                .append(BASED_ON_DEPLOYMENT_ID, event.basedOnDeploymentId())
                .append(STRATEGY, StrategyDocuments.toDocument(order.strategy()))
                .append(PHASE, name(DeploymentPhase.progressing))
                .append(ATTEMPT, order.attempt())
                .append(REQUESTED_BY, actor)
                .append(REQUESTED_AT, date(event.requestedAt()))
                .append(CHANGED_SERVICES, order.changedServices())
                .append(ACTIVE_SERVICES, new Document(order.activeServices()))
                .append(WARNINGS, event.warnings())
                .append(COMPOSE, source.compose())
                .append(ENVIRONMENT_KEYS, List.copyOf(new TreeSet<>(source.environment().keySet())))
                .append(FILE_NAMES, Stream.concat(source.files().keySet().stream(),
                        source.sealedFiles().keySet().stream()).sorted().distinct().toList())
                .append(TIMELINE, List.of(entry(DeploymentTimeline.requested(event, actor))));
        return stamp(deployment, message);
    }

    static Document entry(DeploymentEventView entry) {
        return new Document(TYPE, entry.type())
                .append(AT, date(entry.at()))
                .append(PHASE, name(entry.phase()))
                .append(ACTOR, entry.actor())
                .append(DETAILS, new Document(entry.details()));
    }

    static DeploymentPhase phase(Document deployment) {
        return enumValue(deployment, PHASE, DeploymentPhase.class);
    }

    static Map<String, String> activeServices(Document deployment) {
        return stringMap(deployment, ACTIVE_SERVICES);
    }

    /** @param withTimeline false for lists, which leave timelines out */
    static DeploymentView toView(Document deployment, boolean withTimeline) {
        return new DeploymentView(
                deployment.getString(ID),
                deployment.getString(ACCOUNT_ID),
                deployment.getString(STACK_ID),
                deployment.getString(STACK_NAME),
                deployment.getString(CLUSTER_ID),
                deployment.getInteger(REVISION),
                deployment.getInteger(PREVIOUS_REVISION),
                enumValue(deployment, TRIGGER, DeploymentTrigger.class),
                deployment.getString(BASED_ON_DEPLOYMENT_ID),
                StrategyDocuments.fromDocument(deployment.get(STRATEGY, Document.class)),
                phase(deployment),
                deployment.getString(MESSAGE),
                deployment.getInteger(ATTEMPT),
                deployment.getInteger(STEP),
                deployment.getInteger(WEIGHT),
                deployment.getString(REQUESTED_BY),
                instant(deployment, REQUESTED_AT),
                instant(deployment, UPDATED_AT),
                instant(deployment, FINISHED_AT),
                stringList(deployment, CHANGED_SERVICES),
                activeServices(deployment),
                stringList(deployment, WARNINGS),
                deployment.getString(COMPOSE),
                stringList(deployment, ENVIRONMENT_KEYS),
                stringList(deployment, FILE_NAMES),
                withTimeline ? deployment.getList(TIMELINE, Document.class).stream()
                        .map(DeploymentDocuments::toEntryView).toList() : null);
    }

    private static DeploymentEventView toEntryView(Document entry) {
        return new DeploymentEventView(
                entry.getString(TYPE),
                instant(entry, AT),
                enumValue(entry, PHASE, DeploymentPhase.class),
                entry.getString(ACTOR),
                map(entry, DETAILS));
    }
}
