package io.powernode.devops.api;

import io.powernode.devops.app.security.ApiCaller;
import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who calls and in which conversation. The correlation id comes from the caller's X-Correlation-Id when
 * it is a sane token (so a pipeline can follow its own id through the audit), otherwise a fresh one.
 */
public record RequestContext(ApiCaller caller, String correlationId, String idempotencyKey) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static RequestContext of(ApiCaller caller, ServerWebExchange exchange) {
        String given = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        String correlationId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
        String idempotencyKey = exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_HEADER);
        if (idempotencyKey != null && !SANE_ID.matcher(idempotencyKey).matches()) {
            throw ApiProblem.invalid(IDEMPOTENCY_HEADER, "must be 1 to 128 letters, digits or ._:-");
        }
        return new RequestContext(caller, correlationId, idempotencyKey);
    }

    public String accountId() {
        return caller.accountId();
    }
}
