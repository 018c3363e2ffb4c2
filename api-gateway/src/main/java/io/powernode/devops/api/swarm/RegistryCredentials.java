package io.powernode.devops.api.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.api.JsonBody;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.secrets.CredentialSealer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's {@code registry_auth}: the credentials Swarm's nodes pull a private image with, as a service
 * creation or a stack deploy ({@code --with-registry-auth}) passes them. They are sealed as Docker's auth JSON;
 * the password exists in plaintext only until {@link #sealed} returns.
 */
public final class RegistryCredentials {

    public static final String FIELD = "registry_auth";
    private static final Set<String> FIELDS = Set.of("username", "password", "serveraddress");
    private static final int MAX_USERNAME = 256;
    private static final int MAX_PASSWORD = 8192;
    private static final int MAX_SERVER = 512;
    /** The format is fixed here, where it is sealed, rather than left to a configured mapper. */
    private static final ObjectMapper AUTH_JSON = new ObjectMapper();

    private RegistryCredentials() {
    }

    /** The sealed credentials under {@value #FIELD} in {@code parent}, or null when none are given. */
    public static SealedValue sealed(JsonBody.Fields parent, CredentialSealer sealer) {
        JsonBody.Fields auth = parent.object(FIELD, FIELDS);
        if (auth == null) {
            return null;
        }
        String username = auth.string("username", true, MAX_USERNAME);
        String password = auth.string("password", true, MAX_PASSWORD);
        String server = auth.string("serveraddress", false, MAX_SERVER);
        rejectIfEmpty(auth, "username", username);
        rejectIfEmpty(auth, "password", password);
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            return null;
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        if (server != null) {
            credentials.put("serveraddress", server);
        }
        try {
            return sealer.sealValue(AUTH_JSON.writeValueAsBytes(credentials));
        } catch (JsonProcessingException e) {
            // a map of strings always serialises; the message would not name a value anyway
            throw new IllegalStateException("registry credentials could not be serialised", e);
        }
    }

    private static void rejectIfEmpty(JsonBody.Fields fields, String name, String value) {
        if (value != null && value.isEmpty()) {
            fields.reject(name, "must not be empty");
        }
    }
}
