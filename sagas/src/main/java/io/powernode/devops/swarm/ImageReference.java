package io.powernode.devops.swarm;

import java.util.Set;

/**
 * An image reference written as the Docker client writes it into a service spec: in its short ("familiar") form,
 * tagged {@code latest} when it names neither a tag nor a digest, so that the spec Docker stores, and the image a
 * node pulls, are the same whoever sent it. References are not validated here: Docker refuses a malformed one.
 */
final class ImageReference {

    private static final String DEFAULT_TAG = ":latest";
    private static final Set<String> DEFAULT_REGISTRIES = Set.of("docker.io", "index.docker.io");
    private static final String OFFICIAL_IMAGES = "library/";

    private ImageReference() {
    }

    /** {@code nginx} → {@code nginx:latest}; {@code docker.io/library/nginx:1} → {@code nginx:1}. */
    static String tagged(String image) {
        if (image == null || image.isBlank()) {
            return image;
        }
        String familiar = familiar(image);
        return hasTag(familiar) || hasDigest(familiar) ? familiar : familiar + DEFAULT_TAG;
    }

    /** {@code web:1} pinned as {@code web:1@sha256:…}; a reference that has a digest keeps it. */
    static String pinned(String image, String digest) {
        return hasDigest(image) ? image : image + "@" + digest;
    }

    /** Without Docker Hub's name and the {@code library/} of its official images, as the client shortens them. */
    private static String familiar(String image) {
        int slash = image.indexOf('/');
        String path = image;
        if (slash >= 0 && DEFAULT_REGISTRIES.contains(image.substring(0, slash))) {
            path = image.substring(slash + 1);
        } else if (slash >= 0 && isRegistry(image.substring(0, slash))) {
            return image;
        }
        boolean official = path.startsWith(OFFICIAL_IMAGES) && path.indexOf('/', OFFICIAL_IMAGES.length()) < 0;
        return official ? path.substring(OFFICIAL_IMAGES.length()) : path;
    }

    /** The first component names a registry when it looks like a host: a dot, a port, or localhost. */
    private static boolean isRegistry(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    private static boolean hasDigest(String image) {
        return image.contains("@");
    }

    /** A tag is a colon in the last path component: {@code localhost:5000/web} has a port, not a tag. */
    private static boolean hasTag(String image) {
        String name = hasDigest(image) ? image.substring(0, image.indexOf('@')) : image;
        return name.substring(name.lastIndexOf('/') + 1).contains(":");
    }
}
