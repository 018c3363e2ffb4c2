package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSecretLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A swarm operation as operators and auditors see it, the same in the audit trail and the operations read model:
 * what it acts on, and what was asked, under the API's snake_case names. Sealed values are left out entirely (a
 * create_secret shows its name and labels only; a service spec shows only {@code "registry_auth": true}). Values
 * users often put passwords in are shown by name only: env by its keys, command, args and a healthcheck's test as
 * {@code true}, volume driver options by their keys; a config's content by its size. Null fields are left out: they
 * asked for nothing.
 *
 * @param target the id or name of what the operation acts on: the host joining or leaving (or creating the swarm),
 *               a node, service, secret, config, network or volume, or the cluster itself for swarm-wide settings
 */
public record OperationSummary(String target, Map<String, Object> parameters) {

    public static OperationSummary of(SwarmOperation operation, String clusterId) {
        return new OperationSummary(targetOf(operation, clusterId), fieldsOf((Record) operation));
    }

    private static String targetOf(SwarmOperation operation, String clusterId) {
        if (operation instanceof InitSwarm init) {
            return init.hostId();
        } else if (operation instanceof JoinSwarm join) {
            return join.hostId();
        } else if (operation instanceof LeaveSwarm leave) {
            return leave.hostId();
        } else if (operation instanceof SetNodeAvailability availability) {
            return availability.nodeId();
        } else if (operation instanceof ChangeNodeLabels labels) {
            return labels.nodeId();
        } else if (operation instanceof ChangeNodeRole role) {
            return role.nodeId();
        } else if (operation instanceof RemoveNode removal) {
            return removal.nodeId();
        } else if (operation instanceof CreateService create) {
            return create.spec() == null ? null : create.spec().name();
        } else if (operation instanceof UpdateService update) {
            return update.serviceId();
        } else if (operation instanceof ScaleService scale) {
            return scale.serviceId();
        } else if (operation instanceof RollbackService rollback) {
            return rollback.serviceId();
        } else if (operation instanceof RemoveService removal) {
            return removal.serviceId();
        } else if (operation instanceof CreateSecret create) {
            return create.name();
        } else if (operation instanceof UpdateSecretLabels labels) {
            return labels.secretId();
        } else if (operation instanceof RemoveSecret removal) {
            return removal.secretId();
        } else if (operation instanceof RotateSecret rotation) {
            return rotation.secretId();
        } else if (operation instanceof CreateConfig create) {
            return create.name();
        } else if (operation instanceof RemoveConfig removal) {
            return removal.configId();
        } else if (operation instanceof RotateConfig rotation) {
            return rotation.configId();
        } else if (operation instanceof CreateNetwork create) {
            return create.name();
        } else if (operation instanceof RemoveNetwork removal) {
            return removal.networkId();
        } else if (operation instanceof CreateVolume create) {
            return create.name();
        } else if (operation instanceof RemoveVolume removal) {
            return removal.name();
        } else if (operation instanceof DeployStack deploy) {
            return deploy.plan().stack();
        } else if (operation instanceof ApplyService apply) {
            return apply.service().name();
        } else if (operation instanceof WithdrawServiceEndpoint withdraw) {
            return withdraw.service();
        } else if (operation instanceof ExposeServiceEndpoint expose) {
            return expose.service();
        } else if (operation instanceof RemoveStack removal) {
            return removal.stack();
        }
        // update_swarm_settings, rotate_join_tokens, rotate_unlock_key: the swarm itself
        return clusterId;
    }

    /** A record's non-null, non-sealed components by snake_case name, nested records and collections alike. */
    private static Map<String, Object> fieldsOf(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            if (value != null && !(value instanceof SealedValue)) {
                fields.put(snakeCase(component.getName()), plain(value));
            }
        }
        if (record instanceof ServiceSpec spec && spec.registryAuth() != null) {
            fields.put("registry_auth", true);
        }
        byNameOnly(record, fields);
        return fields;
    }

    private static void byNameOnly(Record record, Map<String, Object> fields) {
        if (record instanceof ServiceSpec) {
            fields.computeIfPresent("env", (name, env) -> keys(env));
            fields.computeIfPresent("command", (name, command) -> true);
            fields.computeIfPresent("args", (name, args) -> true);
        } else if (record instanceof ServiceSpec.Healthcheck) {
            fields.computeIfPresent("test", (name, test) -> true);
        } else if (record instanceof CreateVolume) {
            fields.computeIfPresent("driver_options", (name, options) -> keys(options));
        } else if (record instanceof StackPlan plan) {
            // specs hold env values, commands and config contents: a plan is shown by what it names
            fields.clear();
            fields.put("stack", plan.stack());
            fields.put("networks", plan.networks().stream().map(StackPlan.NetworkPlan::name).toList());
            fields.put("secrets", plan.secrets().stream().map(StackPlan.SecretPlan::name).toList());
            fields.put("configs", plan.configs().stream().map(StackPlan.ConfigPlan::name).toList());
            fields.put("services", plan.services().stream().map(StackPlan.ServicePlan::name).toList());
        } else if (record instanceof StackPlan.ServicePlan) {
            fields.remove("spec");
        } else if (record instanceof DeployOptions options && options.registryAuth() != null) {
            fields.put("registry_auth", true);
        } else if (record instanceof CreateConfig || record instanceof RotateConfig) {
            Object data = fields.remove("data");
            if (data != null) {
                fields.put("data_bytes", Base64.getDecoder().decode((String) data).length);
            }
        }
    }

    private static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).sorted().toList();
    }

    /** Values as BSON and JSON both hold them; map keys (labels, env) are the user's and stay as they are. */
    private static Object plain(Object value) {
        if (value instanceof Record record) {
            return fieldsOf(record);
        } else if (value instanceof List<?> list) {
            return list.stream().map(OperationSummary::plain).toList();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        } else if (value instanceof Enum<?> constant) {
            return constant.name();
        } else if (value instanceof Duration duration) {
            return duration.toString();
        }
        return value;
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
