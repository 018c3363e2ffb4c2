package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSecretLabels;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.powernode.devops.api.swarm.SwarmRequestsFixture.JSON;
import static io.powernode.devops.api.swarm.SwarmRequestsFixture.refused;
import static io.powernode.devops.api.swarm.SwarmRequestsFixture.told;
import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are sealed on arrival and never shown again, not even their length; configs travel as base64. */
class SecretAndConfigRequestsTest {

    private static final String SECRET = "correct-horse-battery-staple";

    private final SwarmRequestsFixture fixture = new SwarmRequestsFixture();

    @Test
    void aSecretIsSealedAndTheAuditShowsNeitherItNorItsLength() throws Exception {
        OperationRequest request = fixture.requests.secretCreation("""
                {"secret": {"cluster_id": "cluster-1", "name": "db_password", "value": "%s", "labels": {"app": "shop"}}}"""
                .formatted(SECRET));

        assertThat(request.clusterId()).isEqualTo("cluster-1");
        CreateSecret create = (CreateSecret) request.operation();
        assertThat(create.name()).isEqualTo("db_password");
        assertThat(create.labels()).isEqualTo(Map.of("app", "shop"));
        assertThat(new String(fixture.sealer.openValue(create.value()), StandardCharsets.UTF_8)).isEqualTo(SECRET);
        assertThat(JSON.writeValueAsString(create)).doesNotContain(SECRET);
        assertThat(SwarmRequestsFixture.audit(request)).isEqualTo(Map.of("name", "db_password", "labels", Map.of("app", "shop")));
        assertThat(JSON.writeValueAsString(SwarmRequestsFixture.audit(request))).doesNotContain(String.valueOf(SECRET.length()));
    }

    @Test
    void binarySecretsArriveAsBase64() {
        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
        String encoded = Base64.getMimeEncoder().encodeToString(binary);

        CreateSecret create = (CreateSecret) fixture.requests.secretCreation("""
                {"secret": {"cluster_id": "c1", "name": "tls.key", "value_base64": "%s"}}""".formatted(encoded))
                .operation();

        assertThat(fixture.sealer.openValue(create.value())).isEqualTo(binary);
    }

    @Test
    void aSecretHasExactlyOneValue() {
        refused(() -> fixture.requests.secretCreation("{\"secret\": {\"cluster_id\": \"c1\", \"name\": \"s1\"}}"),
                "secret.value");
        ApiProblem both = refused(() -> fixture.requests.secretCreation("""
                {"secret": {"cluster_id": "c1", "name": "s1", "value": "%s", "value_base64": "c2VjcmV0"}}"""
                .formatted(SECRET)), "secret.value_base64");
        assertThat(told(both)).doesNotContain(SECRET);
        refused(() -> fixture.requests.secretCreation(
                "{\"secret\": {\"cluster_id\": \"c1\", \"name\": \"s1\", \"value\": \"\"}}"), "secret.value");
    }

    @Test
    void noRefusalQuotesTheSecret() {
        String notBase64 = "s3cr3t-with-dashes!";
        ApiProblem problem = refused(() -> fixture.requests.secretCreation("""
                {"secret": {"cluster_id": "c1", "name": "bad name", "value_base64": "%s"}}""".formatted(notBase64)),
                "secret.name", "secret.value_base64");

        assertThat(told(problem)).doesNotContain(notBase64).doesNotContain("!").doesNotContain("2d");
    }

    @Test
    void aSecretStaysBelowDockersLimitOf500KiB() {
        String largest = "x".repeat(Payloads.SECRET_LIMIT_BYTES - 1);
        String tooLarge = "x".repeat(Payloads.SECRET_LIMIT_BYTES);

        assertThat(fixture.requests.secretCreation(secretBody(largest)).operation()).isInstanceOf(CreateSecret.class);
        ApiProblem problem = refused(() -> fixture.requests.secretCreation(secretBody(tooLarge)), "secret.value");
        assertThat(told(problem)).contains("500 KiB").doesNotContain(String.valueOf(tooLarge.length()));
        // the limit is on bytes: two-byte characters reach it at half the length
        refused(() -> fixture.requests.secretCreation(secretBody("é".repeat(Payloads.SECRET_LIMIT_BYTES / 2))),
                "secret.value");
    }

    @Test
    void secretNamesFollowDockersRule() {
        refused(() -> fixture.requests.secretCreation(
                "{\"secret\": {\"cluster_id\": \"c1\", \"name\": \"" + "a".repeat(65) + "\", \"value\": \"v\"}}"),
                "secret.name");
        refused(() -> fixture.requests.secretCreation(
                "{\"secret\": {\"cluster_id\": \"c1\", \"name\": \"-db\", \"value\": \"v\"}}"), "secret.name");
        refused(() -> fixture.requests.secretCreation(
                "{\"secret\": {\"cluster_id\": \"c 1\", \"name\": \"db\", \"value\": \"v\"}}"), "secret.cluster_id");
    }

    @Test
    void aSecretsLabelsAreReplacedAndMayBeEmptied() {
        OperationRequest request = fixture.requests.secretLabels("sec-1", "{\"secret\": {\"labels\": {}}}");

        assertThat(request.operation()).isEqualTo(new UpdateSecretLabels("sec-1", Map.of()));
        refused(() -> fixture.requests.secretLabels("sec-1", "{\"secret\": {}}"), "secret.labels");
        refused(() -> fixture.requests.secretLabels("sec-1", "{\"secret\": {\"labels\": {}, \"value\": \"v\"}}"),
                "secret.value");
    }

    @Test
    void aRotationSealsTheNewValue() throws Exception {
        OperationRequest request = fixture.requests.secretRotation("sec-1", """
                {"secret": {"value": "%s", "new_name": "db_password.v2", "labels": {"v": "2"}}}""".formatted(SECRET));

        RotateSecret rotate = (RotateSecret) request.operation();
        assertThat(rotate.secretId()).isEqualTo("sec-1");
        assertThat(rotate.newName()).isEqualTo("db_password.v2");
        assertThat(new String(fixture.sealer.openValue(rotate.value()), StandardCharsets.UTF_8)).isEqualTo(SECRET);
        assertThat(JSON.writeValueAsString(SwarmRequestsFixture.audit(request))).doesNotContain(SECRET);
        assertThat(SwarmRequestsFixture.audit(request)).containsOnlyKeys("secret_id", "new_name", "labels");
        refused(() -> fixture.requests.secretRotation("sec-1", "{\"secret\": {\"new_name\": \"x y\"}}"),
                "secret.value", "secret.new_name");
    }

    @Test
    void aConfigIsGivenToDockerAsBase64() {
        OperationRequest request = fixture.requests.configCreation("""
                {"config": {"cluster_id": "c1", "name": "nginx.conf", "data": "worker_processes 2;",
                            "template_driver": "golang"}}""");

        CreateConfig create = (CreateConfig) request.operation();
        assertThat(Base64.getDecoder().decode(create.data())).asString().isEqualTo("worker_processes 2;");
        assertThat(create.templateDriver()).isEqualTo("golang");
        assertThat(SwarmRequestsFixture.audit(request)).containsEntry("data_bytes", 19).doesNotContainKey("data");
    }

    @Test
    void aConfigsTemplateDriverIsGolangOrNone() {
        refused(() -> fixture.requests.configCreation("""
                {"config": {"cluster_id": "c1", "name": "c", "data": "x", "template_driver": "jinja"}}"""),
                "config.template_driver");
        CreateConfig plain = (CreateConfig) fixture.requests.configCreation(
                "{\"config\": {\"cluster_id\": \"c1\", \"name\": \"c\", \"data_base64\": \"eA==\"}}").operation();
        assertThat(plain.templateDriver()).isNull();
        assertThat(plain.data()).isEqualTo("eA==");
    }

    @Test
    void aConfigStaysBelowDockersLimitOf1000KiB() {
        String tooLarge = "x".repeat(Payloads.CONFIG_LIMIT_BYTES);

        refused(() -> fixture.requests.configCreation(
                "{\"config\": {\"cluster_id\": \"c1\", \"name\": \"c\", \"data\": \"" + tooLarge + "\"}}"),
                "config.data");
        assertThat(fixture.requests.configCreation("{\"config\": {\"cluster_id\": \"c1\", \"name\": \"c\", \"data\": \""
                + tooLarge.substring(1) + "\"}}").operation()).isInstanceOf(CreateConfig.class);
    }

    @Test
    void aConfigRotationCarriesTheNewContent() {
        OperationRequest request = fixture.requests.configRotation("cfg-1",
                "{\"config\": {\"data\": \"v2\", \"labels\": {\"v\": \"2\"}}}");

        assertThat(request.operation()).isEqualTo(new RotateConfig("cfg-1", null,
                Base64.getEncoder().encodeToString("v2".getBytes(StandardCharsets.UTF_8)), Map.of("v", "2"), null));
        refused(() -> fixture.requests.configRotation("cfg-1", "{\"config\": {\"cluster_id\": \"c1\", \"data\": \"v\"}}"),
                "config.cluster_id");
    }

    private static String secretBody(String value) {
        return JSON.createObjectNode().set("secret", JSON.createObjectNode().put("cluster_id", "c1")
                .put("name", "big").put("value", value)).toString();
    }
}
