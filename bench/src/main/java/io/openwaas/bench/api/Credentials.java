package io.openwaas.bench.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code .waas/credentials.env} that {@code bin/waas up} writes on first start. */
record Credentials(URI url, String apiKey, String apiSecret, String responsePublicKey) {

    static Credentials read(Path file) throws IOException {
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
        return new Credentials(URI.create(require(values, "WAAS_URL", file)), require(values, "WAAS_API_KEY", file),
                require(values, "WAAS_API_SECRET", file), require(values, "WAAS_RESPONSE_PUBLIC_KEY", file));
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
