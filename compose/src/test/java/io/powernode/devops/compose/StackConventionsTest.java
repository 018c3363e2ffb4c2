package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.powernode.devops.compose.ComposeFixture.convert;
import static io.powernode.devops.compose.ComposeFixture.json;
import static io.powernode.devops.compose.ComposeFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

/** What a stack holds besides its services' specs: networks, secrets, configs, names, warnings. */
class StackConventionsTest {

    private static final String NAMESPACE = "{\"com.docker.stack.namespace\":\"shop\"}";

    @Test
    void createsOnlyTheNetworksServicesUseAndTheDefaultOneForServicesWithoutNetworks() {
        StackPlan plan = convert("""
                services:
                  web: {image: nginx, networks: [front]}
                  job: {image: busybox}
                networks:
                  front: {}
                  unused: {}
                """).plan();

        assertThat(plan.networks()).extracting(NetworkPlan::name).containsExactly("shop_default", "shop_front");
        assertThat(json(plan.networks().get(0).spec())).isEqualTo(json("""
                {"Name":"shop_default","CheckDuplicate":true,"Driver":"overlay","Labels":%s}""".formatted(NAMESPACE)));
    }

    @Test
    void createsANetworkWithItsDriverOptionsIpamAndLabelsUnderItsOwnName() {
        StackPlan plan = convert("""
                services:
                  web: {image: nginx, networks: [back]}
                networks:
                  back:
                    name: backend
                    driver: overlay
                    attachable: true
                    internal: true
                    driver_opts: {encrypted: ""}
                    labels: [team=db]
                    ipam:
                      driver: default
                      config: [{subnet: 10.1.0.0/24}]
                """).plan();

        assertThat(json(plan.networks().get(0).spec())).isEqualTo(json("""
                {"Name":"backend","CheckDuplicate":true,"Driver":"overlay","Internal":true,"Attachable":true,
                 "IPAM":{"Driver":"default","Config":[{"Subnet":"10.1.0.0/24"}]},"Options":{"encrypted":""},
                 "Labels":{"com.docker.stack.namespace":"shop","team":"db"}}"""));
        assertThat(service(convert("""
                services:
                  web: {image: nginx, networks: [back]}
                networks:
                  back: {name: backend}
                """), "web").at("/TaskTemplate/Networks/0/Target").asText()).isEqualTo("backend");
    }

    @Test
    void listsExternalNetworksWithoutCreatingThemAndAttachesByTheirName() {
        Conversion conversion = convert("""
                version: "3.4"
                services:
                  web:
                    image: nginx
                    networks:
                      proxy: {aliases: [site]}
                      legacy:
                  db: {image: postgres}
                networks:
                  default: {external: {name: shared}}
                  proxy: {external: true}
                  legacy: {external: {name: old-net}}
                """);

        assertThat(conversion.plan().networks()).isEmpty();
        assertThat(conversion.plan().externalNetworks()).containsExactly("old-net", "proxy", "shared");
        assertThat(service(conversion, "web").at("/TaskTemplate/Networks")).isEqualTo(json("""
                [{"Target":"old-net","Aliases":["web"]},{"Target":"proxy","Aliases":["site","web"]}]"""));
        assertThat(service(conversion, "db").at("/TaskTemplate/Networks/0/Target").asText()).isEqualTo("shared");
        assertThat(conversion.warnings()).as("external.name is deprecated only from 3.5 on").isEmpty();
    }

    @Test
    void givesNoAliasOnDockersOwnNetworks() {
        JsonNode spec = service(convert("""
                services:
                  web: {image: nginx, networks: [hostnet]}
                networks:
                  hostnet: {external: true, name: host}
                """), "web");

        assertThat(spec.at("/TaskTemplate/Networks")).isEqualTo(json("[{\"Target\":\"host\"}]"));
    }

    @Test
    void createsSecretsAndConfigsFromTheFilesSentWithTheirContentSealed() {
        Conversion conversion = convert("""
                services:
                  web:
                    image: nginx
                    secrets: [db_password]
                    configs: [{source: site, target: /etc/nginx/conf.d/site.conf, mode: 0440}]
                secrets:
                  db_password: {file: ./secrets/db.txt, labels: {rotation: monthly}}
                  tls: {external: true}
                configs:
                  site: {file: site.conf, template_driver: golang}
                """, Map.of(), Map.of("./secrets/db.txt", "s3cret", "./site.conf", "server {}"));

        StackPlan plan = conversion.plan();
        assertThat(plan.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.name()).isEqualTo("shop_db_password");
            assertThat(json(secret.spec())).isEqualTo(json("""
                    {"Name":"shop_db_password","Labels":{"com.docker.stack.namespace":"shop","rotation":"monthly"}}"""));
            assertThat(secret.spec()).doesNotContain("s3cret");
            assertThat(new String(Base64.getDecoder().decode(secret.data().ciphertext()), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        });
        assertThat(json(plan.configs().get(0).spec())).isEqualTo(json("""
                {"Name":"shop_site","Labels":%s,"Data":"%s","Templating":{"Name":"golang"}}""".formatted(NAMESPACE,
                Base64.getEncoder().encodeToString("server {}".getBytes(StandardCharsets.UTF_8)))));
        assertThat(conversion.secretFiles()).as("matched in normal form").containsExactly("./secrets/db.txt");
        JsonNode container = service(conversion, "web").at("/TaskTemplate/ContainerSpec");
        assertThat(container.get("Secrets")).isEqualTo(json("""
                [{"File":{"Name":"db_password","UID":"0","GID":"0","Mode":292},"SecretName":"shop_db_password"}]"""));
        assertThat(container.get("Configs")).isEqualTo(json("""
                [{"File":{"Name":"/etc/nginx/conf.d/site.conf","UID":"0","GID":"0","Mode":288},"ConfigName":"shop_site"}]"""));
    }

    @Test
    void referencesExternalAndNamedSecretsByTheirNamesSortedByName() {
        Conversion conversion = convert("""
                services:
                  web:
                    image: nginx
                    secrets: [b_named, a_external, {source: c_legacy, target: c, uid: "1000", gid: "1000", mode: 0400}]
                secrets:
                  b_named: {name: zz-named, file: ./b.txt}
                  a_external: {external: true, name: prod-key}
                  c_legacy: {external: {name: legacy-key}}
                """, Map.of(), Map.of("b.txt", "b"));

        assertThat(conversion.plan().secrets()).extracting(StackPlan.SecretPlan::name).containsExactly("zz-named");
        assertThat(service(conversion, "web").at("/TaskTemplate/ContainerSpec/Secrets")).isEqualTo(json("""
                [{"File":{"Name":"c","UID":"1000","GID":"1000","Mode":256},"SecretName":"legacy-key"},
                 {"File":{"Name":"a_external","UID":"0","GID":"0","Mode":292},"SecretName":"prod-key"},
                 {"File":{"Name":"b_named","UID":"0","GID":"0","Mode":292},"SecretName":"zz-named"}]"""));
        assertThat(conversion.warnings()).contains("secret c_legacy: secret.external.name is deprecated in favor of secret.name");
    }

    @Test
    void aSecretWithADriverHasNoContent() {
        StackPlan plan = convert("""
                services:
                  web: {image: nginx, secrets: [vault]}
                secrets:
                  vault: {driver: vault-plugin, driver_opts: {path: kv/db}}
                """).plan();

        assertThat(plan.secrets().get(0).data()).isNull();
        assertThat(json(plan.secrets().get(0).spec()).get("Driver")).isEqualTo(json("""
                {"Name":"vault-plugin","Options":{"path":"kv/db"}}"""));
    }

    @Test
    void aCredentialSpecConfigIsReferencedForTheRuntimeAndNamedInTheSpec() {
        JsonNode container = service(convert("""
                services:
                  web: {image: iis, credential_spec: {config: gmsa}}
                configs:
                  gmsa: {file: ./gmsa.json}
                """, Map.of(), Map.of("gmsa.json", "{}")), "web").at("/TaskTemplate/ContainerSpec");

        assertThat(container.at("/Privileges/CredentialSpec/Config").asText()).isEqualTo("shop_gmsa");
        assertThat(container.get("Configs")).isEqualTo(json("[{\"Runtime\":{},\"ConfigName\":\"shop_gmsa\"}]"));
    }

    @Test
    void namedVolumesCarryTheDeclaredDriverUnlessExternal() {
        JsonNode mounts = service(convert("""
                services:
                  web:
                    image: nginx
                    volumes: [data:/data, shared:/shared, legacy:/legacy]
                volumes:
                  data: {driver: local, driver_opts: {type: nfs}, labels: [backup=daily]}
                  shared: {external: true, name: team-share}
                  legacy: {name: old-data}
                """), "web").at("/TaskTemplate/ContainerSpec/Mounts");

        assertThat(mounts).isEqualTo(json("""
                [{"Type":"volume","Target":"/data","Source":"shop_data","VolumeOptions":{
                   "Labels":{"backup":"daily","com.docker.stack.namespace":"shop"},
                   "DriverConfig":{"Name":"local","Options":{"type":"nfs"}}}},
                 {"Type":"volume","Target":"/shared","Source":"team-share","VolumeOptions":{}},
                 {"Type":"volume","Target":"/legacy","Source":"old-data","VolumeOptions":{"Labels":%s}}]""".formatted(NAMESPACE)));
    }

    @Test
    void readsEnvFilesThenTheEnvironmentTakingBareValuesFromTheDeployingEnvironment() {
        JsonNode env = service(convert("""
                services:
                  web:
                    image: nginx
                    env_file: [common.env, web.env]
                    environment:
                      - OVERRIDE=compose
                      - FROM_DEPLOYER
                      - UNKNOWN
                      - BLANK=
                """, Map.of("FROM_DEPLOYER", "d", "BARE", "from-env", "BLANK", "filled", "EMPTY", "e"),
                Map.of("common.env", "A=1\nOVERRIDE=common\n# comment\nBARE\nABSENT\n", "web.env", "\uFEFFB=two words \r\nEMPTY=\n")),
                "web").at("/TaskTemplate/ContainerSpec/Env");

        assertThat(env).isEqualTo(json("""
                ["A=1","B=two words ","BARE=from-env","BLANK=filled","EMPTY=e","FROM_DEPLOYER=d","OVERRIDE=compose","UNKNOWN"]"""));
    }

    @Test
    void substitutesVariablesBeforeConvertingAndCastsNumbers() {
        Conversion conversion = convert("""
                services:
                  web:
                    image: "nginx:${TAG:-latest}"
                    environment:
                      - PRICE=$$5
                      - NAME=${NAME}
                    deploy:
                      replicas: ${REPLICAS}
                """, Map.of("REPLICAS", "3"), Map.of());

        JsonNode spec = service(conversion, "web");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo("nginx:latest");
        assertThat(spec.at("/Labels/com.docker.stack.image").asText()).isEqualTo("nginx:latest");
        assertThat(spec.at("/Mode/Replicated/Replicas").asInt()).isEqualTo(3);
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Env")).isEqualTo(json("[\"NAME=\",\"PRICE=$5\"]"));
        assertThat(conversion.warnings()).containsExactly("The variable NAME is not set: it was replaced by an empty string");
    }

    @Test
    void warnsAboutKeysASwarmIgnoresAsTheCliDoes() {
        Conversion conversion = convert("""
                services:
                  web:
                    image: nginx
                    build: .
                    restart: always
                    links: [db]
                    container_name: web
                    expose: ["80"]
                    depends_on: [db]
                    tmpfs: /run
                    ports: ["127.0.0.1:80:80"]
                    networks:
                      default: {ipv4_address: 10.0.0.5}
                  db: {image: postgres, privileged: true}
                """);

        assertThat(conversion.warnings()).containsExactly(
                "Ignoring unsupported options: build, links, privileged, restart",
                "Ignoring deprecated option container_name: the swarm names a service's containers itself",
                "Ignoring deprecated option expose: services on a network reach each other's containers on any port",
                "Ignoring depends_on, which has no effect in a swarm: a swarm starts a stack's services in no particular order",
                "Ignoring networks.default.ipv4_address, which has no effect in a swarm: a swarm assigns task addresses itself",
                "Ignoring tmpfs, which has no effect in a swarm: mount a tmpfs with a volume of type tmpfs instead",
                "ignoring IP-address (127.0.0.1:80:80/tcp) service will listen on '0.0.0.0'");
    }

    @Test
    void readsAFileWithoutServicesAsAnEmptyStack() {
        StackPlan plan = convert("version: \"3.8\"\nnetworks: {front: {}}\n").plan();

        assertThat(plan.services()).isEmpty();
        assertThat(plan.networks()).isEmpty();
    }

    @Test
    void ordersServicesByName() {
        StackPlan plan = convert("services:\n  b: {image: x}\n  a: {image: x}\n  c: {image: x}\n").plan();

        assertThat(plan.services()).extracting(StackPlan.ServicePlan::name).containsExactly("shop_a", "shop_b", "shop_c");
        assertThat(plan.services()).extracting(StackPlan.ServicePlan::service).containsExactly("a", "b", "c");
    }
}
