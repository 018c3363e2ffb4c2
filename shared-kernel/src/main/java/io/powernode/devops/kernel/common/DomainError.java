package io.powernode.devops.kernel.common;

/**
 * A command refused by a domain rule. The kind decides the HTTP status the API answers with; the
 * code is stable for clients; the field, when set, names the request field at fault.
 */
public class DomainError extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, RULE_VIOLATION }

    private final Kind kind;
    private final String code;
    private final String field;

    public DomainError(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static DomainError notFound(String code, String message) {
        return new DomainError(Kind.NOT_FOUND, code, null, message);
    }

    public static DomainError conflict(String code, String field, String message) {
        return new DomainError(Kind.CONFLICT, code, field, message);
    }

    public static DomainError ruleViolation(String code, String message) {
        return new DomainError(Kind.RULE_VIOLATION, code, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The serializable form, for command buses that cross process boundaries. */
    public ErrorDetails details() {
        return new ErrorDetails(kind, code, field, getMessage());
    }

    public record ErrorDetails(Kind kind, String code, String field, String message) {
        public DomainError toError() {
            return new DomainError(kind, code, field, message);
        }
    }
}
