package io.powernode.devops.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutSpecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As the compose converter writes {@code web} of stack {@code shop}. */
    private static final ServicePlan WEB = new ServicePlan("web", "shop_web", """
            {"Name":"shop_web","Labels":{"com.docker.stack.namespace":"shop"},
             "TaskTemplate":{"ContainerSpec":{"Image":"web:2"},
               "Networks":[{"Target":"shop_default","Aliases":["web","www"]},{"Target":"shop_back","Aliases":["web"]}]},
             "Mode":{"Replicated":{"Replicas":3}},
             "EndpointSpec":{"Mode":"vip","Ports":[
               {"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"host"},
               {"TargetPort":443,"PublishedPort":8443}]}}""");

    @Test
    void theActiveNameReplacesThePlansNameAndTheComposeServiceIsLabelledOnlyWhenItNoLongerShows() throws Exception {
        ServicePlan same = RolloutSpecs.asActive(WEB, "shop_web");
        ServicePlan other = RolloutSpecs.asActive(WEB, "shop_web-green");

        assertThat(JSON.readTree(same.spec())).isEqualTo(JSON.readTree(WEB.spec()));
        assertThat(other.name()).isEqualTo("shop_web-green");
        assertThat(spec(other).path("Name").asText()).isEqualTo("shop_web-green");
        assertThat(spec(other).path("Labels").path(RolloutLabels.COMPOSE_SERVICE).asText()).isEqualTo("web");
        assertThat(spec(other).path("Labels").path(RolloutLabels.ROLE).isMissingNode()).isTrue();
    }

    @Test
    void portsComeWithDockersDefaultsSpelledOut() {
        assertThat(RolloutSpecs.ports(WEB.spec())).containsExactly(
                new PublishedPort(80, 8080, "tcp", "host"),
                new PublishedPort(443, 8443, "tcp", "ingress"));
        assertThat(RolloutSpecs.ports("{\"Name\":\"x\"}")).isEmpty();
    }

    @Test
    void anEndpointCanBeEmptiedOrReplaced() throws Exception {
        JsonNode none = spec(RolloutSpecs.of(WEB).publishing(List.of()).plan());
        JsonNode preview = spec(RolloutSpecs.of(WEB).publishing(List.of(new PublishedPort(80, 9080, "tcp", "host")))
                .plan());

        assertThat(none.path("EndpointSpec").path("Ports").isMissingNode()).isTrue();
        assertThat(none.path("EndpointSpec").path("Mode").asText()).isEqualTo("vip");
        assertThat(RolloutSpecs.ports(preview.toString())).containsExactly(new PublishedPort(80, 9080, "tcp", "host"));
    }

    @Test
    void theComposeAliasLeavesEveryNetworkAndOtherAliasesStay() throws Exception {
        JsonNode networks = spec(RolloutSpecs.of(WEB).withoutComposeAlias().plan()).path("TaskTemplate")
                .path("Networks");

        assertThat(networks.get(0).path("Aliases")).containsExactly(JSON.readTree("\"www\""));
        assertThat(networks.get(1).path("Aliases")).isEmpty();
        assertThat(networks.get(1).path("Target").asText()).isEqualTo("shop_back");
    }

    @Test
    void replicasOfAReplicatedServiceChangeAndAStatedCountWinsOverAFallback() throws Exception {
        ServicePlan unstated = new ServicePlan("web", "shop_web",
                "{\"Name\":\"shop_web\",\"Mode\":{\"Replicated\":{}}}");

        assertThat(RolloutSpecs.statedReplicas(RolloutSpecs.of(WEB).replicas(7).plan().spec())).isEqualTo(7);
        assertThat(RolloutSpecs.statedReplicas(RolloutSpecs.of(WEB).replicasUnlessStated(5).plan().spec()))
                .isEqualTo(3);
        assertThat(RolloutSpecs.statedReplicas(RolloutSpecs.of(unstated).replicasUnlessStated(5).plan().spec()))
                .isEqualTo(5);
    }

    @Test
    void aGlobalServiceKeepsItsMode() throws Exception {
        ServicePlan global = new ServicePlan("agent", "shop_agent",
                "{\"Name\":\"shop_agent\",\"Mode\":{\"Global\":{}}}");

        JsonNode mode = spec(RolloutSpecs.of(global).replicas(4).plan()).path("Mode");

        assertThat(mode.has("Global")).isTrue();
        assertThat(mode.has("Replicated")).isFalse();
    }

    @Test
    void aRoleNamesTheDeploymentAndTheComposeService() throws Exception {
        JsonNode labels = spec(RolloutSpecs.of(WEB).inRole("canary", "dep-1").plan()).path("Labels");

        assertThat(labels.path(RolloutLabels.ROLE).asText()).isEqualTo("canary");
        assertThat(labels.path(RolloutLabels.DEPLOYMENT).asText()).isEqualTo("dep-1");
        assertThat(labels.path(RolloutLabels.COMPOSE_SERVICE).asText()).isEqualTo("web");
        assertThat(labels.path("com.docker.stack.namespace").asText()).isEqualTo("shop");
    }

    private static JsonNode spec(ServicePlan plan) throws Exception {
        return JSON.readTree(plan.spec());
    }
}
