package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.secrets.TlsMaterial;
import io.powernode.devops.testing.ExtraDockerDaemon;
import io.powernode.devops.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A real dockerd with --tlsverify on 127.0.0.1, and credentials that are right, wrong or missing. */
class TlsDaemonTest {

    private static TestCertificates certificates;
    private static ExtraDockerDaemon daemon;

    private final DockerClientFactory factory =
            new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)));
    private final HostInventoryReader reader = new HostInventoryReader(Clock.systemUTC());

    @BeforeAll
    static void startDaemon() {
        certificates = TestCertificates.generate();
        daemon = ExtraDockerDaemon.startWithTls(certificates);
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    @Test
    void theRightCaAndClientCertificateReadASnapshot() {
        HostSnapshot snapshot = read(new HostConnection(daemon.tlsEndpoint(), true, certificates.clientMaterial()));

        assertThat(snapshot.systemInfo().apiVersion()).isEqualTo("1.41");
        assertThat(snapshot.containers()).isEmpty();
    }

    @Test
    void aDaemonCertificateFromAnotherCaIsNotTrusted() {
        String message = failure(new HostConnection(daemon.tlsEndpoint(), true, certificates.clientMaterialWithWrongCa()));

        assertThat(message).isEqualTo("cannot sync " + daemon.tlsEndpoint()
                + ": TLS handshake failed: the daemon's certificate is not trusted (not signed by the configured CA)");
    }

    @Test
    void withoutVerificationTheServerIsNotCheckedButTheClientStillAuthenticates() {
        HostSnapshot snapshot = read(new HostConnection(daemon.tlsEndpoint(), false, certificates.clientMaterialWithWrongCa()));

        assertThat(snapshot.systemInfo()).isNotNull();
    }

    @Test
    void withoutAClientCertificateTheDaemonRefusesTheConnection() {
        String message = failure(new HostConnection(daemon.tlsEndpoint(), true, certificates.caOnly()));

        assertThat(message).startsWith("cannot sync " + daemon.tlsEndpoint() + ": ")
                .contains("client certificate");
    }

    @Test
    void plainHttpToTheTlsPortFailsClearly() {
        String endpoint = daemon.tlsEndpoint().replace("https://", "tcp://");
        String message = failure(HostConnection.plain(endpoint));

        assertThat(message).startsWith("cannot sync " + endpoint + ": ").doesNotContain("BEGIN");
    }

    @Test
    void invalidPemNamesTheField() {
        assertThatThrownBy(() -> PemTls.validate(new TlsMaterial(certificates.caPem(), certificates.clientCertPem(), "not a key")))
                .isInstanceOfSatisfying(PemTls.InvalidTlsMaterial.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThatThrownBy(() -> PemTls.validate(new TlsMaterial("-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----", null, null)))
                .isInstanceOfSatisfying(PemTls.InvalidTlsMaterial.class, e -> assertThat(e.field()).isEqualTo("ca"));
        assertThatThrownBy(() -> PemTls.validate(new TlsMaterial(null, certificates.clientKeyPem(), certificates.clientKeyPem())))
                .isInstanceOfSatisfying(PemTls.InvalidTlsMaterial.class, e -> assertThat(e.field()).isEqualTo("cert"));
        assertThatThrownBy(() -> PemTls.validate(new TlsMaterial(null, certificates.clientCertPem(), null)))
                .isInstanceOfSatisfying(PemTls.InvalidTlsMaterial.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedWithoutQuotingIt() throws IOException {
        String otherKey = java.nio.file.Files.readString(certificates.serverKeyPath());

        assertThatThrownBy(() -> PemTls.validate(new TlsMaterial(null, certificates.clientCertPem(), otherKey)))
                .isInstanceOfSatisfying(PemTls.InvalidTlsMaterial.class, e -> {
                    assertThat(e.field()).isEqualTo("key");
                    assertThat(e.getMessage()).isEqualTo("TLS key does not belong to the client certificate");
                });
        PemTls.validate(certificates.clientMaterial());
    }

    private HostSnapshot read(HostConnection connection) {
        try (DockerClient docker = factory.forRequests(connection)) {
            return reader.read(docker);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String failure(HostConnection connection) {
        Throwable failure = catchThrowable(() -> read(connection));
        assertThat(failure).isNotNull();
        String message = DockerFailures.describe(failure, connection.apiEndpoint());
        assertThat(message).doesNotContain("PRIVATE KEY").doesNotContain("\n");
        return message;
    }
}
