package io.powernode.devops.app.axon;

import io.powernode.devops.kernel.common.MessageMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who acted and in which conversation from each message to the messages it causes, and records
 * the direct cause: the message that was being handled. (Axon's own MessageOriginProvider calls the direct
 * cause "correlationId"; here correlationId is the whole conversation, as the API's audit shows it.)
 */
class CausationChainProvider implements CorrelationDataProvider {

    private static final String[] PROPAGATED = {
            MessageMetadata.ACCOUNT_ID, MessageMetadata.ACTOR_ID, MessageMetadata.ACTOR_TYPE,
            MessageMetadata.CORRELATION_ID, MessageMetadata.TRACE_ID
    };

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(MessageMetadata.CORRELATION_ID, message.getIdentifier());
        data.putIfAbsent(MessageMetadata.TRACE_ID, data.get(MessageMetadata.CORRELATION_ID));
        data.put(MessageMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
