package io.openwaas.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's routing table: named backends, each with its base URL and the path prefixes it serves.
 *
 * <p>The defaults in {@code application.properties} point at the local ports of {@code bin/waas}; in Kubernetes the
 * URLs come from the environment, e.g. {@code OPENWAAS_GATEWAY_BACKENDS_WALLET_URL=http://wallet-service:8080}.
 */
@ConfigMapping(prefix = "openwaas.gateway")
public interface GatewayConfig {

    /** Backends by name ({@code wallet}, {@code transaction}, ...). */
    Map<String, Backend> backends();

    /** How long to wait for a TCP connection to a backend before answering 502. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Connections per backend; requests beyond them wait for a free one. */
    @WithDefault("64")
    int maxConnectionsPerBackend();

    /** A backend exchange with no data in either direction for this long is reset (answered 502 if nothing was sent yet). */
    @WithDefault("60s")
    Duration backendIdleTimeout();

    interface Backend {

        /** Base URL of the backend, {@code http://host:port}; only scheme, host and port are used. */
        URI url();

        /**
         * Path prefixes this backend serves. A prefix matches the path equal to it and every path below it
         * ({@code /v2/wallets} matches {@code /v2/wallets} and {@code /v2/wallets/x}, not {@code /v2/walletsx}).
         * The longest matching prefix of all backends wins.
         */
        List<String> prefixes();
    }
}
