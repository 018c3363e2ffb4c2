package io.powernode.devops.swarm;

import com.github.dockerjava.api.exception.DockerException;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies why Docker did not do what was asked. Swarm requests are answered by swarmkit, whose gRPC code
 * ({@code rpc error: code = FailedPrecondition desc = …}) says more than the HTTP status the daemon maps it to:
 * a demotion that would leave no manager is a 400 like a malformed spec, yet a rule Docker enforces. The message
 * is {@link DockerFailures}' wording without the gRPC prefix; it quotes the daemon, never a request.
 */
final class OperationFailures {

    private static final Pattern RPC = Pattern.compile("rpc error: code = (\\w+) desc = ");

    private OperationFailures() {
    }

    static OperationFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OperationFailed known) {
                return known.failure();
            }
        }
        String reason = RPC.matcher(DockerFailures.reason(failure)).replaceFirst("");
        DockerException docker = find(failure, DockerException.class);
        if (docker != null) {
            return new OperationFailure(kindOf(docker), reason);
        }
        boolean unreachable = find(failure, IOException.class) != null || find(failure, UncheckedIOException.class) != null;
        return new OperationFailure(unreachable ? Kind.unavailable : Kind.failed, reason);
    }

    private static Kind kindOf(DockerException answer) {
        String message = answer.getMessage() == null ? "" : answer.getMessage().toLowerCase(Locale.ROOT);
        Matcher rpc = RPC.matcher(answer.getMessage() == null ? "" : answer.getMessage());
        String code = rpc.find() ? rpc.group(1) : "";
        // an object still in use or a stale version is a conflict, whichever status the daemon gave it
        if (message.contains("is in use") || message.contains("already part of a swarm")
                || message.contains("out of sequence") || code.equals("AlreadyExists")) {
            return Kind.conflict;
        }
        if (message.contains("does not have a leader") || message.contains("no leader") || code.equals("Unavailable")) {
            return Kind.unavailable;
        }
        // the daemon refuses leaving as a manager, or leaving a swarm it is not in, with 503 "use --force"
        if (code.equals("FailedPrecondition") || message.contains("--force") || message.contains("not part of a swarm")) {
            return Kind.refused;
        }
        if (code.equals("InvalidArgument")) {
            return Kind.invalid;
        }
        if (code.equals("NotFound")) {
            return Kind.not_found;
        }
        return switch (answer.getHttpStatus()) {
            case 400 -> Kind.invalid;
            case 404 -> Kind.not_found;
            case 409 -> Kind.conflict;
            case 503 -> Kind.unavailable;
            default -> Kind.failed;
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
