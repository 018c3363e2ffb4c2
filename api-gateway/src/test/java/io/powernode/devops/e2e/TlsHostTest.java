package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.ExtraDockerDaemon;
import io.powernode.devops.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon with {@code --tlsverify} and certificates the test generates: the right CA and client certificate
 * connect, a wrong CA ends in error with a clear reason, and the client key is found nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsHostTest {

    private static final Duration SOON = Duration.ofSeconds(45);

    private static Platform platform;
    private static TestCertificates certificates;
    private static ExtraDockerDaemon daemon;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.generate();
        daemon = ExtraDockerDaemon.startWithTls(certificates);
        platform = SharedPlatform.get();
    }

    @AfterAll
    static void cleanUp() {
        daemon.close();
        certificates.close();
    }

    @Test
    void theRightCaAndClientCertificateConnectAndTheKeyIsNeverStoredOrShownInPlaintext(CapturedOutput output) {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("tls-good", daemon.tlsEndpoint(), Map.of("tls_verify", true,
                "tls_credentials", Map.of("ca", certificates.caPem(), "cert", certificates.clientCertPem(),
                        "key", certificates.clientKeyPem())));

        JsonNode host = api.awaitStatus(id, "connected", SOON);
        assertThat(host.path("has_tls_credentials").asBoolean()).isTrue();
        assertThat(host.path("docker_version").asText()).isNotBlank();

        String keyBody = keyMaterial(certificates.clientKeyPem());
        assertThat(host.toString()).doesNotContain(keyBody);
        assertThat(api.get("/activities?target_id=" + id).toString()).doesNotContain(keyBody).contains("[provided, sealed]");
        assertThat(StoredText.eventStore(platform)).doesNotContain(keyBody);
        assertThat(StoredText.readModels(platform)).doesNotContain(keyBody);
        assertThat(output.getAll()).doesNotContain(keyBody);
    }

    @Test
    void aWrongCaEndsInErrorWithAClearLastError() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("tls-wrong-ca", daemon.tlsEndpoint(), Map.of("tls_verify", true,
                "tls_credentials", Map.of("ca", certificates.otherCaPem(), "cert", certificates.clientCertPem(),
                        "key", certificates.clientKeyPem())));

        JsonNode host = api.awaitStatus(id, "error", SOON);
        assertThat(host.path("consecutive_failures").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(host.path("last_error").asText().toLowerCase()).contains("certificate");
    }

    @Test
    void replacingWrongCredentialsWithTheRightOnesConnects() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("tls-fixed", daemon.tlsEndpoint(), Map.of("tls_verify", true,
                "tls_credentials", Map.of("ca", certificates.otherCaPem(), "cert", certificates.clientCertPem(),
                        "key", certificates.clientKeyPem())));
        api.awaitStatus(id, "error", SOON);

        api.client.put().uri(Platform.API + "/hosts/" + id).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(HostApi.body(Map.of("tls_credentials", Map.of("ca", certificates.caPem(),
                        "cert", certificates.clientCertPem(), "key", certificates.clientKeyPem()))))
                .exchange().expectStatus().is2xxSuccessful();
        api.post("/hosts/" + id + "/record_success", "").expectStatus().isOk();
        api.awaitStatus(id, "connected", SOON);
    }

    /** The base64 body of the PEM key, which is what would leak if anything stored it. */
    private static String keyMaterial(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).skip(1).findFirst().orElseThrow();
    }
}
