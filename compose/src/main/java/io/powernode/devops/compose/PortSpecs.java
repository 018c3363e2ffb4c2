package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A service's published ports as the CLI reads them. The short syntax ({@code "8080:80"}, {@code "80"},
 * {@code "9000-9001:90-91/udp"}, {@code "127.0.0.1:80:80"}) is parsed by Docker's port-spec rules and becomes one
 * port per container port and host port, in ingress mode; a host address is ignored with a warning (a swarm
 * service listens on every address). The long syntax is taken as written. The endpoint lists them ordered by
 * published port.
 */
final class PortSpecs {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "sctp");
    private static final String INGRESS = "ingress";

    /** One published port; empty strings where the long syntax left protocol or mode to Docker. */
    record Port(String protocol, long target, long published, String mode) {
    }

    private PortSpecs() {
    }

    /** The {@code EndpointSpec}, which the CLI always sends, with or without ports. */
    static ObjectNode endpointSpec(JsonNode service, String path, Problems problems, List<String> warnings) {
        List<Port> ports = new ArrayList<>();
        JsonNode items = service.path("ports");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = ComposePath.item(ComposePath.key(path, "ports"), i);
            if (item.isObject()) {
                ports.add(new Port(ComposeValues.textOrEmpty(item, "protocol"), item.path("target").asLong(),
                        item.path("published").asLong(), ComposeValues.textOrEmpty(item, "mode")));
            } else {
                try {
                    ports.addAll(parse(GoFormat.text(item), warnings));
                } catch (IllegalArgumentException e) {
                    problems.at(itemPath, e.getMessage());
                }
            }
        }
        ports.sort(Comparator.comparingLong(Port::published));
        ObjectNode endpoint = EngineJson.object();
        EngineJson.text(endpoint, "Mode", ComposeValues.textOrEmpty(service.path("deploy"), "endpoint_mode").toLowerCase(Locale.ROOT));
        if (!ports.isEmpty()) {
            ArrayNode array = endpoint.putArray("Ports");
            for (Port port : ports) {
                ObjectNode json = array.addObject();
                EngineJson.text(json, "Protocol", port.protocol());
                EngineJson.number(json, "TargetPort", port.target());
                EngineJson.number(json, "PublishedPort", port.published());
                EngineJson.text(json, "PublishMode", port.mode());
            }
        }
        return endpoint;
    }

    /**
     * {@code [ip:][host[-host]:]container[-container][/protocol]}.
     *
     * @throws IllegalArgumentException in Docker's words when the spec is not one
     */
    static List<Port> parse(String spec, List<String> warnings) {
        String[] parts = spec.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String rawIp = n >= 3 ? String.join(":", List.of(parts).subList(0, n - 2)) : "";
        String ip = hostAddress(rawIp);
        String protocol = "tcp";
        int slash = container.indexOf('/');
        if (slash >= 0) {
            String[] protocolParts = container.split("/", -1);
            container = protocolParts[0];
            if (!protocolParts[1].isEmpty()) {
                protocol = protocolParts[1];
            }
        }
        if (container.isEmpty()) {
            throw new IllegalArgumentException("No port specified: " + spec + "<empty>");
        }
        long[] containerRange = range(container, "Invalid containerPort: " + container);
        long[] hostRange = host.isEmpty() ? new long[]{0, 0} : range(host, "Invalid hostPort: " + host);
        long containerCount = containerRange[1] - containerRange[0];
        if (!host.isEmpty() && containerCount != hostRange[1] - hostRange[0] && containerCount != 0) {
            throw new IllegalArgumentException("Invalid ranges specified for container and host Ports: " + container + " and " + host);
        }
        String lowerProtocol = protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(lowerProtocol)) {
            throw new IllegalArgumentException("Invalid proto: " + protocol);
        }
        // the CLI walks Docker's port map in the order of its keys ("80/tcp"), as strings
        Map<String, long[]> bindings = new TreeMap<>();
        for (long i = 0; i <= containerCount; i++) {
            long target = containerRange[0] + i;
            long[] published = host.isEmpty() ? new long[]{0, 0}
                    : containerCount == 0 ? hostRange : new long[]{hostRange[0] + i, hostRange[0] + i};
            bindings.put(target + "/" + lowerProtocol, new long[]{target, published[0], published[1]});
        }
        List<Port> ports = new ArrayList<>();
        bindings.forEach((key, binding) -> {
            if (!ip.isEmpty() && !isUnspecified(ip)) {
                String hostPort = binding[1] == 0 ? "" : binding[1] == binding[2] ? String.valueOf(binding[1])
                        : binding[1] + "-" + binding[2];
                String address = ip.contains(":") ? "[" + ip + "]" : ip;
                warnings.add("ignoring IP-address (" + address + ":" + hostPort + ":" + key
                        + ") service will listen on '0.0.0.0'");
            }
            for (long published = binding[1]; published <= binding[2]; published++) {
                ports.add(new Port(lowerProtocol, binding[0], published, INGRESS));
            }
        });
        return ports;
    }

    /** {@code 80} or {@code 8000-8010}, each a 16-bit port. */
    private static long[] range(String text, String error) {
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                long port = port(text);
                return new long[]{port, port};
            }
            String[] ends = text.split("-", -1);
            long start = port(ends[0]);
            long end = port(ends[1]);
            if (end < start) {
                throw new IllegalArgumentException(error);
            }
            return new long[]{start, end};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(error);
        }
    }

    private static long port(String text) {
        if (!text.matches("[0-9]+")) {
            throw new NumberFormatException(text);
        }
        long port = Long.parseLong(text);
        if (port > 65535) {
            throw new NumberFormatException(text);
        }
        return port;
    }

    /** The address part, brackets removed; refused when it is not an IP address. */
    private static String hostAddress(String raw) {
        String ip = raw;
        if (raw.startsWith("[") && raw.endsWith("]")) {
            ip = raw.substring(1, raw.length() - 1);
        } else if (raw.contains(":")) {
            throw new IllegalArgumentException("Invalid ip address " + raw + ": address " + raw + ": too many colons in address");
        }
        if (!ip.isEmpty() && !isIpAddress(ip)) {
            throw new IllegalArgumentException("Invalid ip address: " + ip);
        }
        return ip;
    }

    private static boolean isIpAddress(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isUnspecified(String ip) {
        try {
            return InetAddress.getByName(ip).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
