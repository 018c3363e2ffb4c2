package io.powernode.devops.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints an API token for local use, signed with the same secret the platform verifies with:
 * {@code java -jar powernode-devops.jar mint-token --account acme --actor alice
 * --permissions docker.hosts.read,docker.hosts.manage [--ttl PT8H]}. The permissions are those of
 * {@link Permissions}: {@code docker.hosts.read}, {@code docker.hosts.manage}, {@code swarm.clusters.read},
 * {@code swarm.clusters.manage}.
 */
public final class TokenMinter {

    public static final String COMMAND = "mint-token";

    private TokenMinter() {
    }

    public static int run(String[] args) {
        Map<String, String> options = options(args);
        if (!options.containsKey("account") || !options.containsKey("actor")) {
            System.err.println("usage: mint-token --account ACCOUNT --actor ACTOR [--permissions p1,p2] [--ttl PT8H]");
            return 2;
        }
        String dataDir = System.getenv().getOrDefault("POWERNODE_DATA_DIR", "./data");
        byte[] secret = JwtSecret.resolve(System.getenv("POWERNODE_JWT_SECRET"), Path.of(dataDir));
        List<String> permissions = Arrays.stream(options.getOrDefault("permissions", "").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        Duration ttl = Duration.parse(options.getOrDefault("ttl", "PT8H"));
        System.out.println(mint(secret, options.get("actor"), options.get("account"), permissions, ttl));
        return 0;
    }

    public static String mint(byte[] secret, String actor, String account, List<String> permissions, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(actor)
                .claim(ApiCaller.ACCOUNT_CLAIM, account)
                .claim(ApiCaller.PERMISSIONS_CLAIM, permissions)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        return options;
    }
}
