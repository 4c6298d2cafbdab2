package dev.calsync.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarded headers are believed ({@code calsync.trusted-proxies}, env
 * {@code CALSYNC_TRUSTED_PROXIES}): a comma-separated list of addresses and CIDR ranges, none by default. Anyone
 * else can write {@code X-Forwarded-*} headers too, so from any other peer they mean nothing.
 *
 * <p>Only address literals are read, never host names: a name would cost a DNS lookup per request, chosen by
 * whoever wrote the header.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @param setting e.g. {@code "10.0.0.0/8, 192.0.2.7, ::1"}; blank for none
     * @throws IllegalArgumentException naming the first entry that is no address or range
     */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                String text = entry.trim();
                if (!text.isEmpty()) {
                    ranges.add(range(text));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    private static Range range(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "calsync.trusted-proxies: '" + text + "' is not an IP address or CIDR range"));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("calsync.trusted-proxies: '" + text + "' has no valid prefix "
                        + "length (0-" + bytes.length * 8 + ")");
            }
        }
        return new Range(bytes, bits);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /**
     * The client behind a trusted {@code peer}: walking {@code X-Forwarded-For} from the right (each proxy appends
     * the address it was reached from), the first address that is not a trusted proxy. What lies further left was
     * written by the client itself and proves nothing.
     *
     * @param forwardedFor every {@code X-Forwarded-For} value, in order
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                break; // not an address: nothing to the left of it can be believed either
            }
            client = hop;
            if (!contains(hop)) {
                break;
            }
        }
        return client;
    }

    private static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(address).matches();
        if (v4 ? !octets(address) : !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it without any lookup.
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Java would look up "999.1.1.1" as a host name; such text is no address here. */
    private static boolean octets(String address) {
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
