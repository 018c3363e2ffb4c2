package io.powernode.devops.api;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A request the API refuses before it becomes a command: bad input, unknown resource. */
public class ApiProblem extends RuntimeException {

    /** One offending request field, named by its path in the body or query (e.g. {@code host.name}). */
    public record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final String code;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null, Map.of());
    }

    /**
     * @param code       stable for clients, as a domain error's code; null for none
     * @param properties further members of the problem document, e.g. the id of the operation that failed
     */
    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors, String code,
                      Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A well-formed field that names something the request cannot use, e.g. a host of no one's account. */
    public static ApiProblem unprocessable(String field, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", field + " " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " not found", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
