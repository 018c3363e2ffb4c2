package io.powernode.devops.testing;

import io.powernode.devops.secrets.TlsMaterial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throw-away PKI for TLS daemons, made with openssl in a temp folder: a CA, a daemon certificate for
 * 127.0.0.1/localhost, a client certificate, and a second, unrelated CA for the "wrong CA" case.
 * Valid for two days; {@link #close()} deletes the folder.
 */
public final class TestCertificates implements AutoCloseable {

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static TestCertificates generate() {
        try {
            Path dir = Files.createTempDirectory("pn-certs");
            TestCertificates certs = new TestCertificates(dir);
            certs.authority("ca", "powernode test CA");
            certs.authority("other-ca", "unrelated test CA");
            certs.signed("server", "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
            certs.signed("client", "powernode client", "extendedKeyUsage=clientAuth\n");
            return certs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create test certificates", e);
        }
    }

    private void authority(String name, String commonName) {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", name + "-key.pem", "-out", name + ".pem");
    }

    private void signed(String name, String commonName, String extensions) throws IOException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName,
                "-keyout", name + "-key.pem", "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", name + ".ext", "-out", name + "-cert.pem");
    }

    private void openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Commands.run(dir, 60, command);
    }

    public Path caPath() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertPath() {
        return dir.resolve("server-cert.pem");
    }

    public Path serverKeyPath() {
        return dir.resolve("server-key.pem");
    }

    public String caPem() {
        return read("ca.pem");
    }

    public String otherCaPem() {
        return read("other-ca.pem");
    }

    public String clientCertPem() {
        return read("client-cert.pem");
    }

    public String clientKeyPem() {
        return read("client-key.pem");
    }

    /** What a user registers for a TLS daemon: the right CA, the client certificate and its key. */
    public TlsMaterial clientMaterial() {
        return new TlsMaterial(caPem(), clientCertPem(), clientKeyPem());
    }

    /** The client identity, but trusting an unrelated CA: the daemon's certificate will not verify. */
    public TlsMaterial clientMaterialWithWrongCa() {
        return new TlsMaterial(otherCaPem(), clientCertPem(), clientKeyPem());
    }

    /** The right CA but no client certificate: the daemon (--tlsverify) refuses the connection. */
    public TlsMaterial caOnly() {
        return new TlsMaterial(caPem(), null, null);
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Commands.deleteTree(dir);
    }
}
