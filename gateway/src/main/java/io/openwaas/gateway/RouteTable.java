package io.openwaas.gateway;

import io.openwaas.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Longest-prefix match of a request path to a backend name, on path-segment boundaries, for canonical spellings only.
 *
 * <p>The gateway forwards the path as the client wrote it (the request signature covers that spelling), so it routes
 * only a path whose raw spelling is already its normalised form ({@link #canonical}): otherwise the gateway would pick
 * the backend by one path and the backend would match another.
 */
public final class RouteTable {

    private record Entry(String prefix, String backend) {
    }

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = entries;
    }

    public static RouteTable of(GatewayConfig config) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Backend> b : config.backends().entrySet()) {
            for (String prefix : b.getValue().prefixes()) {
                String p = prefix.trim();
                if (!p.startsWith("/")) {
                    throw new IllegalArgumentException("route prefix must start with '/': " + prefix);
                }
                while (p.length() > 1 && p.endsWith("/")) {
                    p = p.substring(0, p.length() - 1);
                }
                entries.add(new Entry(p, b.getKey()));
            }
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new RouteTable(List.copyOf(entries));
    }

    /**
     * Whether a raw request path is spelled canonically: equal to its normalised form (no dot segments, no repeated
     * slashes, no percent-escaped unreserved character such as {@code %76} for {@code v}) and without {@code ;}
     * parameters, which the backends' routers handle differently from the gateway.
     *
     * @param rawPath        the path as received
     * @param normalisedPath the same path normalised (Vert.x {@code RoutingContext.normalizedPath()})
     */
    public static boolean canonical(String rawPath, String normalisedPath) {
        return rawPath != null && rawPath.equals(normalisedPath) && rawPath.indexOf(';') < 0
                && rawPath.indexOf('\\') < 0;
    }

    /** The backend serving {@code path} (already normalised, without query), if any. */
    public Optional<String> backendFor(String path) {
        for (Entry e : entries) {
            String p = e.prefix();
            if (path.equals(p) || (path.startsWith(p) && (p.equals("/") || path.charAt(p.length()) == '/'))) {
                return Optional.of(e.backend());
            }
        }
        return Optional.empty();
    }
}
