package io.powernode.devops.api;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;

/**
 * Turns every refusal into RFC 9457 problem+json: 400 with per-field errors, 404 (also for another
 * account's resources), 409 for conflicts, 413 for oversized bodies, 422 for domain rules.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** What a client is told it may send: the limit as configured, so that the answer never states an old one. */
    private final String bodyLimit;

    ProblemResponses(@Value("${spring.codec.max-in-memory-size}") DataSize maxBody) {
        this.bodyLimit = maxBody.toKilobytes() + " KiB";
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity<ProblemDetail> response =
                problem(problem.status(), problem.title(), problem.getMessage(), problem.code(), problem.errors());
        problem.properties().forEach(response.getBody()::setProperty);
        return response;
    }

    @ExceptionHandler(DomainError.class)
    ResponseEntity<ProblemDetail> domainError(DomainError error) {
        HttpStatus status = switch (error.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        List<ApiProblem.FieldError> errors = error.field() == null ? List.of()
                : List.of(new ApiProblem.FieldError(error.field(), error.getMessage()));
        return problem(status, status.getReasonPhrase(), error.getMessage(), error.code(), errors);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure) {
        return DomainErrors.unwrap(failure) instanceof DomainError error ? domainError(error) : unexpected(failure);
    }

    /** Raised when the unit of work commits, after the interceptor that turns it into a domain error has returned. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "the resource changed since the version given in If-Match; read it again", "stale_version",
                List.of(new ApiProblem.FieldError("If-Match", "does not match the current version")));
    }

    /** A second creation of the same aggregate, e.g. a retried registration racing the first one. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyCreated(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "the resource is being created or already exists",
                "already_exists", List.of());
    }

    /** Spring's own refusals (unreadable body, body too large, unsupported media type …) keep their status. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refusedBySpring(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        if (status == HttpStatus.PAYLOAD_TOO_LARGE || causedBy(e, DataBufferLimitException.class)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "the request body exceeds the limit of " + bodyLimit, "body_too_large", List.of());
        }
        String detail = causedBy(e, DecodingException.class) ? "the request body is not valid JSON" : e.getReason();
        return problem(status, status.getReasonPhrase(), detail, status.name().toLowerCase(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the platform could not complete the request", "internal_error", List.of());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String code,
                                                 List<ApiProblem.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (code != null) {
            problem.setProperty("code", code);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        // set, not negotiated: a client that accepts only text/event-stream (a stream refused) still gets problem+json
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
