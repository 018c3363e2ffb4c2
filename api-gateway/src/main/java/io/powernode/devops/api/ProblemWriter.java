package io.powernode.devops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 problem straight to a response, for refusals that happen before any controller (401, 403).
 * <p>
 * The connection is closed after such a refusal. Reactor Netty 1.2 loses a keep-alive request that arrives before
 * the previous exchange on its connection has fully terminated (it is buffered, and the connection is never read
 * again: reactor/reactor-netty#4347), and an exchange ended by the security filters terminates a moment after its
 * response is written, so a client's next request on that connection hung unanswered. A client told to close
 * opens a new connection instead; refusals are rare enough that this costs nothing.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(exchange.getRequest().getURI());
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setConnection("close");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
