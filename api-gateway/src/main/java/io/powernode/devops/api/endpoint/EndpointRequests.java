package io.powernode.devops.api.endpoint;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.secrets.TlsMaterial;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Validates the spec's endpoint body, e.g. {@code {"host": {"name", "api_endpoint", "environment", "tls_verify",
 * "tls_credentials": {"ca", "cert", "key"}, "sync_interval_seconds"}}}, naming every field at fault.
 */
@Component
public class EndpointRequests {

    private static final int DEFAULT_INTERVAL = 60;

    private final JsonBody body;
    private final Set<String> allowedSchemes;

    public EndpointRequests(JsonBody body,
                            @Value("${powernode.hosts.allowed-endpoint-schemes}") Set<String> allowedSchemes) {
        this.body = body;
        this.allowedSchemes = allowedSchemes;
    }

    public EndpointInput registration(String json, EndpointForm form) {
        return parse(json, form, true);
    }

    public EndpointInput update(String json, EndpointForm form) {
        return parse(json, form, false);
    }

    private EndpointInput parse(String json, EndpointForm form, boolean registering) {
        JsonBody.Fields fields = body.open(json, form.root(), form.fields());
        EndpointInput input = read(fields, form, registering);
        fields.done();
        return input;
    }

    /**
     * Reads an endpoint body opened by the caller, which may know more fields; rejections stay on {@code fields}
     * for the caller's {@link JsonBody.Fields#done()}. A registration gets the defaults filled in.
     */
    public EndpointInput read(JsonBody.Fields fields, EndpointForm form, boolean registering) {
        String name = EndpointFields.name(fields, registering);
        String endpoint = EndpointFields.endpoint(fields, form.endpointField(), registering, allowedSchemes);
        var environment = EndpointFields.environment(fields, registering);
        Boolean tlsVerify = fields.bool(EndpointForm.TLS_VERIFY);
        Integer interval = EndpointFields.syncInterval(fields);
        boolean removeTls = !registering && fields.isNull(EndpointForm.TLS_CREDENTIALS);
        TlsMaterial tls = EndpointFields.tls(fields);
        if (registering) {
            if (tlsVerify == null) {
                tlsVerify = endpoint != null && endpoint.startsWith("https://");
            }
            if (interval == null) {
                interval = DEFAULT_INTERVAL;
            }
            if (tlsVerify && endpoint != null && !endpoint.startsWith("unix://") && (tls == null || tls.ca() == null)) {
                fields.reject(EndpointForm.TLS_CREDENTIALS, "must include the ca when tls_verify is true");
            }
        }
        return new EndpointInput(form, name, endpoint, environment, tlsVerify, tls, removeTls, interval);
    }

    /** The interval a registration gets when it names none. */
    public static int defaultSyncInterval() {
        return DEFAULT_INTERVAL;
    }
}
