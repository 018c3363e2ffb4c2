package io.powernode.devops.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.powernode.devops.secrets.CredentialSealer.CredentialsUnreadable;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns whatever went wrong while talking to a daemon into one line an operator can act on. Built from the
 * exception chain, whose outer layers (docker-java, httpclient) wrap the real cause; the text only ever comes
 * from exception types and messages that hold no credentials.
 */
public final class DockerFailures {

    private static final int MAX_DAEMON_MESSAGE = 200;

    private DockerFailures() {
    }

    /** For a failed sync: {@code cannot sync <endpoint>: <reason>}. */
    public static String describe(Throwable failure, String endpoint) {
        return "cannot sync " + endpoint + ": " + reason(failure);
    }

    /** Just the reason, e.g. {@code connection refused (is the daemon running and listening there?)}. */
    public static String reason(Throwable failure) {
        return cause(chain(failure));
    }

    private static String cause(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof PemTls.InvalidTlsMaterial || t instanceof CredentialsUnreadable) {
                return t.getMessage();
            }
            if (t instanceof DockerException docker) {
                return "the daemon answered HTTP " + docker.getHttpStatus() + daemonMessage(docker);
            }
        }
        String tls = tlsProblem(chain);
        if (tls != null) {
            return tls;
        }
        for (Throwable t : chain) {
            String text = lower(t.getMessage());
            if (t instanceof ConnectException && text.contains("refused")) {
                return "connection refused (is the daemon running and listening there?)";
            }
            if (t instanceof NoSuchFileException || text.contains("no such file or directory")) {
                return "no such socket (is the daemon running?)";
            }
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "timed out waiting for the daemon";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t.getClass().getSimpleName().equals("ConnectionClosedException")) {
                return "the daemon closed the connection";
            }
            if (text.contains("connection reset") || text.contains("broken pipe")) {
                // with TLS 1.3 a daemon may refuse a client certificate only after the handshake, by hanging up
                return "the daemon closed the connection (does it require a client certificate, or TLS where none is configured?)";
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }

    private static String tlsProblem(List<Throwable> chain) {
        boolean tls = false;
        for (Throwable t : chain) {
            String text = lower(t.getMessage());
            if (t instanceof CertPathValidatorException || text.contains("unable to find valid certification path")
                    || text.contains("pkix path")) {
                return "TLS handshake failed: the daemon's certificate is not trusted (not signed by the configured CA)";
            }
            if (t instanceof SSLPeerUnverifiedException || text.contains("no subject alternative")
                    || text.contains("doesn't match any of the subject alternative names")) {
                return "TLS handshake failed: the daemon's certificate does not match its host name";
            }
            if (text.contains("bad_certificate") || text.contains("certificate_required")
                    || text.contains("unknown_ca")) {
                return "TLS handshake failed: the daemon refused the client certificate (missing, or not signed by a CA it trusts)";
            }
            if (text.contains("certificate_expired") || text.contains("certificateexpired")
                    || text.contains("validity check failed")) {
                return "TLS handshake failed: a certificate has expired";
            }
            tls |= t instanceof SSLException || t instanceof CertificateException;
        }
        if (tls) {
            Throwable first = chain.stream().filter(t -> t instanceof SSLException).findFirst().orElse(chain.get(0));
            String detail = first.getMessage() == null ? "" : " (" + firstLine(first.getMessage()) + ")";
            return (first instanceof SSLHandshakeException ? "TLS handshake failed" : "TLS error") + detail;
        }
        return null;
    }

    private static String daemonMessage(DockerException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int json = message.indexOf("\"message\":\"");
        String text = json >= 0 ? message.substring(json + 11).replaceFirst("\"}?\\s*$", "") : message;
        text = firstLine(text.replaceFirst("^Status \\d+:\\s*", ""));
        if (text.isBlank()) {
            return "";
        }
        return ": " + (text.length() > MAX_DAEMON_MESSAGE ? text.substring(0, MAX_DAEMON_MESSAGE) + "…" : text);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String lower(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
