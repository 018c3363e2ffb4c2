package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses, subnets and the addresses a node advertises or listens on, read without ever resolving a
 * name: a request must not make the platform send DNS queries of the caller's choosing.
 */
final class NetworkAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /**
     * Only what an IPv6 literal holds. InetAddress takes text that starts with a hex digit or ':' and holds a ':'
     * as a literal (parsed, or refused), never as a name to look up.
     */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    /** A Linux interface name: at most 15 characters. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,14}");
    private static final Pattern PORT = Pattern.compile("[1-9]\\d{0,4}");
    private static final int MAX_ADDRESS = 100;
    private static final String ADDRESS_PROBLEM = "must be an IP address or a network interface name, "
            + "optionally with a port (e.g. 10.0.0.5:2377, [fd00::5]:2377 or eth0)";

    /** A subnet in CIDR notation: an address in it and the length of the prefix all its addresses share. */
    record Subnet(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                if (bit(address, bit) != bit(network, bit)) {
                    return false;
                }
            }
            return true;
        }

        private static int bit(byte[] address, int index) {
            return (address[index / 8] >> (7 - index % 8)) & 1;
        }
    }

    private NetworkAddresses() {
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when the text is not one. */
    static byte[] ip(String text) {
        if (IPV4.matcher(text).matches()) {
            return literal(text);
        }
        return IPV6_CHARACTERS.matcher(text).matches() ? literal(text) : null;
    }

    /** {@code 10.0.0.0/24} or {@code fd00::/64}, or null when the text is neither. */
    static Subnet subnet(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return null;
        }
        byte[] network = ip(text.substring(0, slash));
        int prefixLength = Integer.parseInt(text.substring(slash + 1));
        return network == null || prefixLength > network.length * 8 ? null : new Subnet(network, prefixLength);
    }

    /** {@code ip[:port]}, {@code [ipv6]:port}, a bare IPv6 address, or {@code interface[:port]}, as Docker takes them. */
    static String address(JsonBody.Fields fields, String name) {
        String address = fields.string(name, false, MAX_ADDRESS);
        if (address != null && !isAddress(address)) {
            fields.reject(name, ADDRESS_PROBLEM);
            return null;
        }
        return address;
    }

    private static boolean isAddress(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0 || !isIpv6(address.substring(1, end))) {
                return false;
            }
            String rest = address.substring(end + 1);
            return rest.isEmpty() || rest.startsWith(":") && isPort(rest.substring(1));
        }
        if (address.indexOf(':') != address.lastIndexOf(':')) {
            return isIpv6(address);
        }
        String[] hostAndPort = address.split(":", -1);
        String host = hostAndPort[0];
        boolean validHost = IPV4.matcher(host).matches() || INTERFACE.matcher(host).matches() && !host.matches("[\\d.]+");
        return validHost && (hostAndPort.length == 1 || isPort(hostAndPort[1]));
    }

    private static boolean isIpv6(String text) {
        byte[] address = IPV6_CHARACTERS.matcher(text).matches() ? literal(text) : null;
        return address != null && address.length == 16;
    }

    private static boolean isPort(String text) {
        return PORT.matcher(text).matches() && Integer.parseInt(text) <= 65_535;
    }

    private static byte[] literal(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
