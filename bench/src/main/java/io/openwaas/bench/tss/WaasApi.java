package io.openwaas.bench.tss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.CoboAuthSigner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's {@code /v2} API through the gateway of a running {@code bin/waas up}, every request signed with
 * Cobo Auth from {@code .waas/credentials.env} (loopback only). Responses to changes have their response signature
 * checked; polls do not (they are many and only read a status).
 */
final class WaasApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper mapper;
    private final URI base;
    private final CoboAuthSigner signer;
    private final String responsePublicKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private WaasApi(ObjectMapper mapper, URI base, CoboAuthSigner signer, String responsePublicKey) {
        this.mapper = mapper;
        this.base = base;
        this.signer = signer;
        this.responsePublicKey = responsePublicKey;
    }

    /** From the {@code credentials.env} that {@code bin/waas up} writes on first start. */
    static WaasApi fromCredentials(Path file, ObjectMapper mapper) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist: run bin/waas up first");
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        URI url = URI.create(require(values, "WAAS_URL", file));
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the tss bench only runs against loopback, not " + url);
        }
        CoboAuthSigner signer = new CoboAuthSigner(ApiKeyPair.fromSecretHex(CurveType.ED25519,
                require(values, "WAAS_API_SECRET", file)));
        if (!signer.key().apiKey().equals(require(values, "WAAS_API_KEY", file))) {
            throw new IllegalArgumentException("WAAS_API_SECRET does not belong to WAAS_API_KEY");
        }
        return new WaasApi(mapper, url, signer, require(values, "WAAS_RESPONSE_PUBLIC_KEY", file));
    }

    private static String require(Map<String, String> values, String key, Path file) throws IOException {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new IOException(file + " has no " + key);
        }
        return v;
    }

    /** A signed GET; the answer must be 2xx. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, "", false);
    }

    /** A signed POST of a JSON body; the answer must be 2xx and carry a valid response signature. */
    JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send("POST", path, mapper.writeValueAsString(body), true);
    }

    private JsonNode send(String method, String path, String body, boolean checkSignature)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        signer.headers(method, path, "", body).forEach(b::header);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + text);
        }
        if (checkSignature) {
            String ts = r.headers().firstValue(ResponseSignature.TIMESTAMP_UNDERSCORE).orElse("");
            String sig = r.headers().firstValue(ResponseSignature.SIGNATURE_UNDERSCORE).orElse("");
            if (!ResponseSignature.verify(responsePublicKey, r.body(), ts, sig)) {
                throw new IOException(method + " " + path + ": the response signature does not verify");
            }
        }
        return mapper.readTree(text);
    }
}
