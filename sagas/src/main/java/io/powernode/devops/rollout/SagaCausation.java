package io.powernode.devops.rollout;

import io.powernode.devops.kernel.common.MessageMetadata;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Who a saga's commands are sent as and in which conversation: on the request's account, by a saga actor, in the
 * correlation (and trace) of the request that started it, so the audit trail leads from a user's request to every
 * Docker action the saga took for it. Kept with the saga: a deadline handler has no event to take it from.
 */
record SagaCausation(String accountId, String actorId, String correlationId, String traceId) {

    /** @param startId the id of the message that started the saga, the conversation when it names none */
    static SagaCausation of(String accountId, String actorId, MetaData startMetaData, String startId) {
        Object correlation = startMetaData.get(MessageMetadata.CORRELATION_ID);
        Object trace = startMetaData.get(MessageMetadata.TRACE_ID);
        return new SagaCausation(accountId, actorId, correlation == null ? startId : correlation.toString(),
                trace == null ? null : trace.toString());
    }

    /** @param causationId the message being handled, which causes the command */
    MetaData metaData(String causationId) {
        Map<String, String> values = new HashMap<>(Map.of(
                MessageMetadata.ACCOUNT_ID, accountId,
                MessageMetadata.ACTOR_ID, actorId,
                MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.saga.name(),
                MessageMetadata.CORRELATION_ID, correlationId,
                MessageMetadata.CAUSATION_ID, causationId));
        if (traceId != null) {
            values.put(MessageMetadata.TRACE_ID, traceId);
        }
        return MetaData.from(values);
    }
}
