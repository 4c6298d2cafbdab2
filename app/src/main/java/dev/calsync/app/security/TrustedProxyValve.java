package dev.calsync.app.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Applies {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} when, and only when, the peer
 * is one of the {@link TrustedProxies}; from anyone else they change nothing. A Tomcat valve rather than a servlet
 * filter because Tomcat itself must see the result: it marks the session cookie {@code Secure} from the request's
 * own {@code isSecure()}, which no filter's request wrapper reaches.
 */
public final class TrustedProxyValve extends ValveBase {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?");

    private final TrustedProxies proxies;

    public TrustedProxyValve(TrustedProxies proxies) {
        super(true);
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        if (!proxies.contains(peer)) {
            getNext().invoke(request, response);
            return;
        }
        String remoteHost = request.getRemoteHost();
        boolean secure = request.isSecure();
        String scheme = request.getScheme();
        String serverName = request.getServerName();
        int serverPort = request.getServerPort();
        try {
            String client = proxies.clientOf(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
            request.setRemoteAddr(client);
            request.setRemoteHost(client);
            applyProto(request, last(request, "X-Forwarded-Proto"));
            applyHost(request, last(request, "X-Forwarded-Host"));
            String port = last(request, "X-Forwarded-Port");
            if (port != null && port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535) {
                request.setServerPort(Integer.parseInt(port));
            }
            getNext().invoke(request, response);
        } finally {
            // Tomcat reuses request objects: leave this one as the connector made it.
            request.setRemoteAddr(peer);
            request.setRemoteHost(remoteHost);
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.getCoyoteRequest().serverName().setString(serverName);
            request.setServerPort(serverPort);
        }
    }

    private static void applyProto(Request request, String proto) {
        if (proto == null) {
            return;
        }
        String scheme = proto.toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http")) {
            boolean https = scheme.equals("https");
            request.setSecure(https);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(https ? 443 : 80);
        }
    }

    private static void applyHost(Request request, String host) {
        Matcher matcher = host == null ? null : HOST.matcher(host);
        if (matcher == null || !matcher.matches()) {
            return;
        }
        request.getCoyoteRequest().serverName().setString(matcher.group(1));
        if (matcher.group(2) != null && Integer.parseInt(matcher.group(2)) <= 65535) {
            request.setServerPort(Integer.parseInt(matcher.group(2)));
        }
    }

    /** The value the nearest proxy wrote: the last of a comma-separated list. */
    private static String last(Request request, String header) {
        List<String> values = Collections.list(request.getHeaders(header));
        if (values.isEmpty()) {
            return null;
        }
        String[] parts = values.get(values.size() - 1).split(",");
        String value = parts[parts.length - 1].trim();
        return value.isEmpty() ? null : value;
    }
}
