package io.openwaas.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .waas/credentials.env} that {@code bin/waas up} writes on first start (and whose operator token it renews
 * at every start); {@code operatorToken} is empty when the file has none.
 */
public record Credentials(URI url, String apiKey, String apiSecret, String responsePublicKey, String operatorToken,
                          String devEthRpc) {

    /** Reads the file; the platform must be on a loopback address (benchmarks never run against a remote host). */
    public static Credentials read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist: run bin/waas up first");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Credentials c = new Credentials(URI.create(require(values, "WAAS_URL", file)), require(values, "WAAS_API_KEY", file),
                require(values, "WAAS_API_SECRET", file), require(values, "WAAS_RESPONSE_PUBLIC_KEY", file),
                values.getOrDefault("WAAS_OPERATOR_TOKEN", ""), values.getOrDefault("WAAS_DEV_ETH_RPC", ""));
        if (!java.net.InetAddress.getByName(c.url().getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("benchmarks only run against loopback, not " + c.url());
        }
        return c;
    }

    /** The Cobo Auth signer of the credentials' API key (checked to belong to it). */
    public io.openwaas.testkit.auth.CoboAuthSigner signer() {
        var signer = new io.openwaas.testkit.auth.CoboAuthSigner(io.openwaas.testkit.auth.ApiKeyPair.fromSecretHex(
                io.openwaas.platform.auth.CurveType.ED25519, apiSecret));
        if (!signer.key().apiKey().equals(apiKey)) {
            throw new IllegalArgumentException("WAAS_API_SECRET does not belong to WAAS_API_KEY");
        }
        return signer;
    }

    private static String require(Map<String, String> values, String key, Path file) throws IOException {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new IOException(file + " has no " + key);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Credentials[url=" + url + ", apiKey=" + apiKey + "]";
    }
}
