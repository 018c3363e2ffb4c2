package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;

import java.util.Map;
import java.util.Optional;

/**
 * {@code docker stack deploy --resolve-image}: whether a service's image is pinned to the digest its registry
 * reports (so every node runs the same image), as the CLI decides it. {@code always} asks the registry on every
 * create and update; {@code changed} asks on create and when the compose file names another image than the
 * service's {@code com.docker.stack.image} label; {@code never} does not ask. An image the file did not change
 * keeps the spec's current reference, digest included, unless the registry is asked again: otherwise a pinned
 * service would be updated for nothing. A registry that cannot be asked is no failure, only a warning, as with
 * the CLI.
 */
final class ImageResolution {

    private ImageResolution() {
    }

    /**
     * Writes the image to run into {@code spec}, given the service Docker has under that name (if any).
     *
     * @param registryAuth the {@code X-Registry-Auth} header the registry is asked with, or none
     * @return the warning an operator should read, if any
     */
    static Optional<String> resolve(EngineApi api, ObjectNode spec, JsonNode existing, ResolveImage mode,
                                    Map<String, String> registryAuth) {
        ObjectNode container = (ObjectNode) spec.path("TaskTemplate").path("ContainerSpec");
        String image = container.path("Image").asText();
        boolean askRegistry = existing == null ? mode != ResolveImage.never : switch (mode) {
            case always -> true;
            case changed -> !image.equals(stackImage(existing));
            case never -> false;
        };
        if (!askRegistry && existing != null && image.equals(stackImage(existing))) {
            image = existing.path("Spec").path("TaskTemplate").path("ContainerSpec").path("Image").asText();
        }
        image = ImageReference.tagged(image);
        container.put("Image", image);
        return askRegistry ? pin(api, spec, image, registryAuth) : Optional.empty();
    }

    /** {@code GET /distribution/<image>/json}: the digest to pin, and the platforms the image is built for. */
    private static Optional<String> pin(EngineApi api, ObjectNode spec, String image, Map<String, String> registryAuth) {
        JsonNode distribution;
        try {
            distribution = api.get(SwarmObjects.path("/distribution", image) + "/json", registryAuth);
        } catch (RuntimeException e) {
            return Optional.of("image " + image + " could not be resolved to a digest on its registry: each node "
                    + "pulls " + image + " on its own, so nodes may end up running different versions of it");
        }
        ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
        ((ObjectNode) task.path("ContainerSpec")).put("Image",
                ImageReference.pinned(image, distribution.path("Descriptor").path("digest").asText()));
        if (!distribution.path("Platforms").isEmpty()) {
            ObjectNode placement = task.has("Placement") ? (ObjectNode) task.get("Placement") : task.putObject("Placement");
            ArrayNode platforms = placement.putArray("Platforms");
            for (JsonNode platform : distribution.path("Platforms")) {
                // nodes report an ARM variant (armv7l) where manifests say "arm": the CLI leaves the architecture
                // out for them, or no node would match
                String architecture = platform.path("architecture").asText();
                platforms.addObject()
                        .put("Architecture", architecture.equalsIgnoreCase("arm") ? "" : architecture)
                        .put("OS", platform.path("os").asText());
            }
        }
        return Optional.empty();
    }

    private static String stackImage(JsonNode service) {
        return service.path("Spec").path("Labels").path(StackPlan.IMAGE_LABEL).asText(null);
    }
}
