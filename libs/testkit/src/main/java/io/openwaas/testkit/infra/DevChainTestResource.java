package io.openwaas.testkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Quarkus test resource: one real dev chain ({@link DevChain}: anvil with DEV_ETH_USDT deployed) per test JVM, shared by
 * every test class of a module, killed at JVM exit.
 *
 * <p>Init args: {@code mining} = {@code 1s} (default: a block a second, as {@code bin/waas up}), another block time
 * ({@code 200ms}, {@code 0.5s}), {@code per-transaction} or {@code on-demand}; {@code rpc-url-property} = the
 * configuration key that gets the RPC URL (default {@value #DEFAULT_RPC_URL_PROPERTY}). The token's address goes to
 * {@value #TOKEN_ADDRESS_PROPERTY}.
 *
 * <p>Tests fund addresses, mine and read balances through {@link #client()}, which works whichever class loader the
 * test runs in (the chain is found through system properties).
 */
public class DevChainTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_RPC_URL_PROPERTY = "openwaas.dev-chain.rpc-url";
    public static final String TOKEN_ADDRESS_PROPERTY = "openwaas.dev-chain.token-address";
    private static final String URL_PROPERTY = "openwaas-testkit.devchain.rpc-url";
    private static final String ON_DEMAND_PROPERTY = "openwaas-testkit.devchain.on-demand";
    private static DevChain chain;
    private static DevChainClient client;

    private DevChain.Mining mining = DevChain.Mining.every(Duration.ofSeconds(1));
    private String rpcUrlProperty = DEFAULT_RPC_URL_PROPERTY;

    @Override
    public void init(Map<String, String> initArgs) {
        mining = parseMining(initArgs.getOrDefault("mining", "1s"));
        rpcUrlProperty = initArgs.getOrDefault("rpc-url-property", rpcUrlProperty);
    }

    @Override
    public Map<String, String> start() {
        DevChain c = shared(mining);
        return Map.of(rpcUrlProperty, c.rpcUrl(), TOKEN_ADDRESS_PROPERTY, DevChain.TOKEN_ADDRESS);
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; killed at JVM exit.
    }

    /** JSON-RPC and the faucet of the chain this JVM's resource started. */
    public static synchronized DevChainClient client() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("DevChainTestResource has not started a dev chain in this JVM");
        }
        if (client == null || !client.rpcUrl().equals(url)) {
            client = new DevChainClient(url, Boolean.parseBoolean(System.getProperty(ON_DEMAND_PROPERTY)));
        }
        return client;
    }

    static synchronized DevChain shared(DevChain.Mining mining) {
        if (chain == null) {
            try {
                chain = DevChain.builder().mining(mining).start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the dev chain: " + e.getMessage(), e);
            }
            System.setProperty(URL_PROPERTY, chain.rpcUrl());
            System.setProperty(ON_DEMAND_PROPERTY, Boolean.toString(mining.manual()));
        } else if (!chain.mining().equals(mining)) {
            throw new IllegalStateException("this JVM's dev chain mines " + chain.mining() + ", a test asks for "
                    + mining + ": use one mining mode per module");
        }
        return chain;
    }

    /** {@code on-demand}, {@code per-transaction}, or a block time: {@code 1s}, {@code 0.5s}, {@code 200ms}. */
    static DevChain.Mining parseMining(String text) {
        String t = text.trim();
        if (t.equals("on-demand")) {
            return DevChain.Mining.onDemand();
        }
        if (t.equals("per-transaction")) {
            return DevChain.Mining.perTransaction();
        }
        try {
            if (t.endsWith("ms")) {
                return DevChain.Mining.every(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            if (t.endsWith("s")) {
                BigDecimal seconds = new BigDecimal(t.substring(0, t.length() - 1));
                return DevChain.Mining.every(Duration.ofMillis(seconds.movePointRight(3).longValueExact()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // below
        }
        throw new IllegalArgumentException("mining: expected on-demand, per-transaction or a block time like 1s or "
                + "200ms, not '" + text + "'");
    }
}
