package io.powernode.devops.secrets;

/**
 * PEM-encoded TLS credentials for a Docker daemon: the CA that signed the daemon's certificate, and the
 * client certificate and key the daemon asks for. Any part may be null. Exists in plaintext only in
 * memory, between the API and the sealer, and between the sealer and the Docker gateway.
 */
public record TlsMaterial(String ca, String cert, String key) {

    public boolean isEmpty() {
        return blank(ca) && blank(cert) && blank(key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Never print key material, whoever calls toString (loggers, exception messages, debuggers). */
    @Override
    public String toString() {
        return "TlsMaterial[ca=" + present(ca) + ", cert=" + present(cert) + ", key=" + present(key) + "]";
    }

    private static String present(String s) {
        return blank(s) ? "none" : "<redacted>";
    }
}
