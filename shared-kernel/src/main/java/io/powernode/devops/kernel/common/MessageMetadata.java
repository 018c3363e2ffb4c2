package io.powernode.devops.kernel.common;

/**
 * Metadata keys every command and event carries. Audit and forensics ("who did it, and why did the
 * platform do that?") are answered from these, so they are propagated from each message to the
 * messages it causes.
 */
public final class MessageMetadata {
    public static final String ACCOUNT_ID = "accountId";
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_TYPE = "actorType";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** Who acted: a person through the API, the platform itself (sync), or a saga on a person's behalf. */
    public enum ActorType { user, system, saga }

    private MessageMetadata() {
    }
}
