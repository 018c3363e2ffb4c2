package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.powernode.devops.compose.ComposeFixture.json;
import static io.powernode.devops.compose.ComposeFixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * How each key of a compose service becomes part of the ServiceSpec, one CLI convention per row: the service
 * {@code web} of stack {@code shop} with image {@code nginx:1} and the row's keys; the row's JSON pointer into the
 * spec must hold the row's JSON ({@code null} for "absent"). The values were checked against docker stack
 * deploy by {@code ComposeParityTest}.
 */
class ServiceConventionsTest {

    private static final String CONTAINER = "/TaskTemplate/ContainerSpec";

    static Stream<Arguments> conventions() {
        return Stream.of(
                // naming and labels
                arguments("the service is named <stack>_<key>", "", "/Name", "\"shop_web\""),
                arguments("the service carries the namespace and the image as written", "deploy:\n  labels: [tier=front]",
                        "/Labels", "{\"com.docker.stack.image\":\"nginx:1\",\"com.docker.stack.namespace\":\"shop\",\"tier\":\"front\"}"),
                arguments("container labels get the namespace label", "labels:\n  a: b", CONTAINER + "/Labels",
                        "{\"a\":\"b\",\"com.docker.stack.namespace\":\"shop\"}"),
                arguments("numbers in labels are spelled as Go spells them", "labels:\n  f: 1e6\n  r: 0.50\n  o: 010\n  n:",
                        CONTAINER + "/Labels", "{\"com.docker.stack.namespace\":\"shop\",\"f\":\"1e+06\",\"n\":\"\",\"o\":\"8\",\"r\":\"0.5\"}"),
                // networks
                arguments("a service without networks is on <stack>_default with its name as alias", "",
                        "/TaskTemplate/Networks", "[{\"Target\":\"shop_default\",\"Aliases\":[\"web\"]}]"),
                // commands
                arguments("entrypoint is the Command", "entrypoint: [\"/bin/sh\", \"-c\"]", CONTAINER + "/Command", "[\"/bin/sh\",\"-c\"]"),
                arguments("command is the Args, split like a shell", "command: echo \"a b\" 'c d' e\\ f #note",
                        CONTAINER + "/Args", "[\"echo\",\"a b\",\"c d\",\"e f\"]"),
                arguments("a command list is taken as it is", "command: [\"a b\", c]", CONTAINER + "/Args", "[\"a b\",\"c\"]"),
                // environment
                arguments("the environment is sorted; a bare name without a value stays bare",
                        "environment:\n  - B=2\n  - A=1\n  - C", CONTAINER + "/Env", "[\"A=1\",\"B=2\",\"C\"]"),
                arguments("environment as a mapping, numbers as Go prints them", "environment:\n  RATIO: 0.5\n  N: 1\n  EMPTY: \"\"",
                        CONTAINER + "/Env", "[\"EMPTY=\",\"N=1\",\"RATIO=0.5\"]"),
                // container settings
                arguments("hostname", "hostname: web-1", CONTAINER + "/Hostname", "\"web-1\""),
                arguments("user", "user: \"1000:1000\"", CONTAINER + "/User", "\"1000:1000\""),
                arguments("working_dir is Dir", "working_dir: /app", CONTAINER + "/Dir", "\"/app\""),
                arguments("init", "init: false", CONTAINER + "/Init", "false"),
                arguments("isolation", "isolation: default", CONTAINER + "/Isolation", "\"default\""),
                arguments("read_only", "read_only: true", CONTAINER + "/ReadOnly", "true"),
                arguments("tty", "tty: true", CONTAINER + "/TTY", "true"),
                arguments("stdin_open is OpenStdin", "stdin_open: true", CONTAINER + "/OpenStdin", "true"),
                arguments("stop_signal", "stop_signal: SIGINT", CONTAINER + "/StopSignal", "\"SIGINT\""),
                arguments("stop_grace_period in nanoseconds", "stop_grace_period: 1m30s", CONTAINER + "/StopGracePeriod", "90000000000"),
                arguments("sysctls as strings", "sysctls:\n  net.core.somaxconn: 1024", CONTAINER + "/Sysctls",
                        "{\"net.core.somaxconn\":\"1024\"}"),
                arguments("privileges are always sent", "", CONTAINER + "/Privileges", "{}"),
                arguments("credential spec", "credential_spec:\n  registry: my-spec", CONTAINER + "/Privileges",
                        "{\"CredentialSpec\":{\"Registry\":\"my-spec\"}}"),
                arguments("capabilities normalised, sorted, adding wins",
                        "cap_add: [net_admin, CAP_CHOWN, cap_net_admin]\ncap_drop: [chown, sys_time]", CONTAINER + "/CapabilityAdd",
                        "[\"CAP_CHOWN\",\"CAP_NET_ADMIN\"]"),
                arguments("dropped capabilities exclude added ones", "cap_add: [chown]\ncap_drop: [chown, sys_time]",
                        CONTAINER + "/CapabilityDrop", "[\"CAP_SYS_TIME\"]"),
                arguments("ALL stands for every capability", "cap_add: [ALL, chown]", CONTAINER + "/CapabilityAdd", "[\"ALL\"]"),
                arguments("ulimits by name, a number for both limits",
                        "ulimits:\n  nproc: 100\n  nofile:\n    soft: 10\n    hard: 20", CONTAINER + "/Ulimits",
                        "[{\"Name\":\"nofile\",\"Soft\":10,\"Hard\":20},{\"Name\":\"nproc\",\"Soft\":100,\"Hard\":100}]"),
                arguments("dns and dns_search", "dns: 8.8.8.8\ndns_search: [a.example]", CONTAINER + "/DNSConfig",
                        "{\"Nameservers\":[\"8.8.8.8\"],\"Search\":[\"a.example\"]}"),
                arguments("extra_hosts in the swarm's notation, brackets off",
                        "extra_hosts: [\"a:1.2.3.4\", \"b=5.6.7.8\", \"c:[::1]\", \"no-separator\"]", CONTAINER + "/Hosts",
                        "[\"1.2.3.4 a\",\"5.6.7.8 b\",\"::1 c\"]"),
                arguments("extra_hosts as a mapping, in key order", "extra_hosts:\n  z: 10.0.0.2\n  a: 10.0.0.1",
                        CONTAINER + "/Hosts", "[\"10.0.0.1 a\",\"10.0.0.2 z\"]"),
                arguments("oom_score_adj", "oom_score_adj: 100", CONTAINER + "/OomScoreAdj", "100"),
                // health check
                arguments("a test string runs in a shell", "healthcheck:\n  test: curl -f http://localhost\n  interval: 30s\n  retries: 3",
                        CONTAINER + "/Healthcheck", "{\"Test\":[\"CMD-SHELL\",\"curl -f http://localhost\"],\"Interval\":30000000000,\"Retries\":3}"),
                arguments("a test list is taken as it is, durations in nanoseconds",
                        "healthcheck:\n  test: [CMD, \"true\"]\n  timeout: 5s\n  start_period: 1m\n  start_interval: 2s", CONTAINER + "/Healthcheck",
                        "{\"Test\":[\"CMD\",\"true\"],\"Timeout\":5000000000,\"StartPeriod\":60000000000,\"StartInterval\":2000000000}"),
                arguments("disable is the test NONE", "healthcheck:\n  disable: true", CONTAINER + "/Healthcheck", "{\"Test\":[\"NONE\"]}"),
                // logging
                arguments("logging is the LogDriver", "logging:\n  driver: json-file\n  options:\n    max-file: 3",
                        "/TaskTemplate/LogDriver", "{\"Name\":\"json-file\",\"Options\":{\"max-file\":\"3\"}}"),
                // deploy
                arguments("replicated by default, Docker's replica default", "", "/Mode", "{\"Replicated\":{}}"),
                arguments("replicas", "deploy:\n  replicas: 3", "/Mode", "{\"Replicated\":{\"Replicas\":3}}"),
                arguments("global", "deploy:\n  mode: global", "/Mode", "{\"Global\":{}}"),
                arguments("replicated job: replicas run at once and complete", "deploy:\n  mode: replicated-job\n  replicas: 2",
                        "/Mode", "{\"ReplicatedJob\":{\"MaxConcurrent\":2,\"TotalCompletions\":2}}"),
                arguments("global job", "deploy:\n  mode: global-job", "/Mode", "{\"GlobalJob\":{}}"),
                arguments("resources always sent", "", "/TaskTemplate/Resources", "{}"),
                arguments("limits and reservations: CPUs in nano-CPUs, memory in binary bytes",
                        "deploy:\n  resources:\n    limits:\n      cpus: '0.5'\n      memory: 64M\n      pids: 100\n    reservations:\n      cpus: '1/4'\n      memory: 1.5g",
                        "/TaskTemplate/Resources", "{\"Limits\":{\"NanoCPUs\":500000000,\"MemoryBytes\":67108864,\"Pids\":100},"
                                + "\"Reservations\":{\"NanoCPUs\":250000000,\"MemoryBytes\":1610612736}}"),
                arguments("generic resources", "deploy:\n  resources:\n    reservations:\n      generic_resources:\n        - discrete_resource_spec:\n            kind: gpu\n            value: 2",
                        "/TaskTemplate/Resources/Reservations", "{\"GenericResources\":[{\"DiscreteResourceSpec\":{\"Kind\":\"gpu\",\"Value\":2}}]}"),
                arguments("restart policy, a zero delay kept (it is not Docker's default)",
                        "deploy:\n  restart_policy:\n    condition: on-failure\n    delay: 0s\n    max_attempts: 3\n    window: 2m",
                        "/TaskTemplate/RestartPolicy", "{\"Condition\":\"on-failure\",\"Delay\":0,\"MaxAttempts\":3,\"Window\":120000000000}"),
                arguments("legacy restart: always restarts on any exit", "restart: always", "/TaskTemplate/RestartPolicy", "{\"Condition\":\"any\"}"),
                arguments("legacy restart: on-failure with a count", "restart: on-failure:3", "/TaskTemplate/RestartPolicy",
                        "{\"Condition\":\"on-failure\",\"MaxAttempts\":3}"),
                arguments("legacy restart: no is no policy", "restart: \"no\"", "/TaskTemplate/RestartPolicy", null),
                arguments("deploy's restart policy wins over restart", "restart: always\ndeploy:\n  restart_policy:\n    condition: none",
                        "/TaskTemplate/RestartPolicy", "{\"Condition\":\"none\"}"),
                arguments("placement always sent", "", "/TaskTemplate/Placement", "{}"),
                arguments("placement: constraints, spread preferences, replicas per node",
                        "deploy:\n  placement:\n    constraints: [node.role == manager]\n    preferences:\n      - spread: node.labels.zone\n    max_replicas_per_node: 2",
                        "/TaskTemplate/Placement", "{\"Constraints\":[\"node.role == manager\"],\"Preferences\":[{\"Spread\":"
                                + "{\"SpreadDescriptor\":\"node.labels.zone\"}}],\"MaxReplicas\":2}"),
                arguments("update policy: parallelism defaults to 1", "deploy:\n  update_config:\n    delay: 10s",
                        "/UpdateConfig", "{\"Parallelism\":1,\"Delay\":10000000000,\"MaxFailureRatio\":0.0}"),
                arguments("update policy: every field", "deploy:\n  update_config:\n    parallelism: 2\n    delay: 5s\n    failure_action: rollback\n    monitor: 10s\n    max_failure_ratio: 0.25\n    order: start-first",
                        "/UpdateConfig", "{\"Parallelism\":2,\"Delay\":5000000000,\"FailureAction\":\"rollback\",\"Monitor\":10000000000,"
                                + "\"MaxFailureRatio\":0.25,\"Order\":\"start-first\"}"),
                arguments("rollback policy, parallelism 1 too", "deploy:\n  rollback_config:\n    failure_action: pause",
                        "/RollbackConfig", "{\"Parallelism\":1,\"FailureAction\":\"pause\",\"MaxFailureRatio\":0.0}"),
                arguments("no update policy unless given", "", "/UpdateConfig", null),
                arguments("endpoint always sent", "", "/EndpointSpec", "{}"),
                arguments("endpoint_mode in lower case", "deploy:\n  endpoint_mode: DNSRR", "/EndpointSpec", "{\"Mode\":\"dnsrr\"}"),
                // ports
                arguments("short ports: ingress, one per port of a range, ordered by published port",
                        "ports: [\"9000-9001:90-91/udp\", \"8080:80\", \"81\"]", "/EndpointSpec/Ports",
                        "[{\"Protocol\":\"tcp\",\"TargetPort\":81,\"PublishMode\":\"ingress\"},"
                                + "{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8080,\"PublishMode\":\"ingress\"},"
                                + "{\"Protocol\":\"udp\",\"TargetPort\":90,\"PublishedPort\":9000,\"PublishMode\":\"ingress\"},"
                                + "{\"Protocol\":\"udp\",\"TargetPort\":91,\"PublishedPort\":9001,\"PublishMode\":\"ingress\"}]"),
                arguments("a host range for one container port publishes each", "ports: [\"8000-8001:80\"]", "/EndpointSpec/Ports",
                        "[{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8000,\"PublishMode\":\"ingress\"},"
                                + "{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8001,\"PublishMode\":\"ingress\"}]"),
                arguments("long ports as written", "ports:\n  - target: 80\n    published: 8080\n    mode: host", "/EndpointSpec/Ports",
                        "[{\"TargetPort\":80,\"PublishedPort\":8080,\"PublishMode\":\"host\"}]"),
                // mounts
                arguments("a named volume is the stack's, labelled", "volumes: [\"data:/data:ro\"]", CONTAINER + "/Mounts",
                        "[{\"Type\":\"volume\",\"Target\":\"/data\",\"ReadOnly\":true,\"Source\":\"shop_data\","
                                + "\"VolumeOptions\":{\"Labels\":{\"com.docker.stack.namespace\":\"shop\"}}}]"),
                arguments("an anonymous volume has no source", "volumes: [/cache]", CONTAINER + "/Mounts",
                        "[{\"Type\":\"volume\",\"Target\":\"/cache\"}]"),
                arguments("a path is a bind mount, propagation kept, nocopy for volumes",
                        "volumes: [\"/var/log:/logs:rshared\", \"data:/d:nocopy\"]", CONTAINER + "/Mounts",
                        "[{\"Type\":\"bind\",\"Target\":\"/logs\",\"Source\":\"/var/log\",\"BindOptions\":{\"Propagation\":\"rshared\"}},"
                                + "{\"Type\":\"volume\",\"Target\":\"/d\",\"Source\":\"shop_data\",\"VolumeOptions\":"
                                + "{\"NoCopy\":true,\"Labels\":{\"com.docker.stack.namespace\":\"shop\"}}}]"),
                arguments("tmpfs with its size", "volumes:\n  - type: tmpfs\n    target: /scratch\n    tmpfs:\n      size: 65536",
                        CONTAINER + "/Mounts", "[{\"Type\":\"tmpfs\",\"Target\":\"/scratch\",\"TmpfsOptions\":{\"SizeBytes\":65536}}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conventions")
    void convertsAsTheCli(String convention, String keys, String pointer, String expected) {
        JsonNode spec = web(keys);
        JsonNode actual = spec.at(pointer);
        if (expected == null) {
            assertThat(actual.isMissingNode()).as(pointer + " of " + spec).isTrue();
        } else {
            assertThat(actual).as(pointer + " of " + spec).isEqualTo(json(expected));
        }
    }
}
