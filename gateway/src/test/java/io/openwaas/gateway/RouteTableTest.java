package io.openwaas.gateway;

import io.openwaas.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteTableTest {

    private static GatewayConfig.Backend backend(String... prefixes) {
        return new GatewayConfig.Backend() {
            @Override
            public URI url() {
                return URI.create("http://127.0.0.1:1");
            }

            @Override
            public List<String> prefixes() {
                return List.of(prefixes);
            }
        };
    }

    private static RouteTable table(Map<String, GatewayConfig.Backend> backends) {
        return RouteTable.of(new GatewayConfig() {
            @Override
            public Map<String, Backend> backends() {
                return backends;
            }

            @Override
            public java.time.Duration connectTimeout() {
                return java.time.Duration.ofSeconds(1);
            }

            @Override
            public int maxConnectionsPerBackend() {
                return 1;
            }

            @Override
            public java.time.Duration backendIdleTimeout() {
                return java.time.Duration.ofSeconds(1);
            }
        });
    }

    @Test
    void longestPrefixOnSegmentBoundariesWins() {
        RouteTable t = table(Map.of(
                "wallet", backend("/v2/wallets", "/v2/developers/api_key_info/"),
                "webhook", backend("/v2/developers/callback_messages"),
                "special", backend("/v2/wallets/mpc")));
        assertEquals(Optional.of("wallet"), t.backendFor("/v2/wallets"));
        assertEquals(Optional.of("wallet"), t.backendFor("/v2/wallets/"));
        assertEquals(Optional.of("wallet"), t.backendFor("/v2/wallets/abc/addresses"));
        assertEquals(Optional.of("special"), t.backendFor("/v2/wallets/mpc"));
        assertEquals(Optional.of("special"), t.backendFor("/v2/wallets/mpc/vaults"));
        assertEquals(Optional.of("wallet"), t.backendFor("/v2/wallets/mpcx"));
        assertEquals(Optional.of("wallet"), t.backendFor("/v2/developers/api_key_info"));
        assertEquals(Optional.of("webhook"), t.backendFor("/v2/developers/callback_messages/m1/retry"));
        assertEquals(Optional.empty(), t.backendFor("/v2/walletsx"));
        assertEquals(Optional.empty(), t.backendFor("/v2/developers"));
        assertEquals(Optional.empty(), t.backendFor("/"));
    }

    @Test
    void prefixWithoutLeadingSlashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> table(Map.of("x", backend("v2/wallets"))));
    }

    @Test
    void onlyCanonicalSpellingsAreRouted() {
        assertEquals(true, RouteTable.canonical("/v2/wallets/chains", "/v2/wallets/chains"));
        assertEquals(true, RouteTable.canonical("/v2/wallets/a%2Fb", "/v2/wallets/a%2Fb"));
        assertEquals(false, RouteTable.canonical("//v2/wallets", "/v2/wallets"));
        assertEquals(false, RouteTable.canonical("/%762/wallets", "/v2/wallets"));
        assertEquals(false, RouteTable.canonical("/v2/wallets;x=1", "/v2/wallets;x=1"));
        assertEquals(false, RouteTable.canonical("/v2\\wallets", "/v2\\wallets"));
        assertEquals(false, RouteTable.canonical(null, "/"));
    }
}
