package io.openwaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.CoboAuthSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The platform's API ({@code /v2}, {@code /api}) through the gateway of a running {@code bin/waas up}, every request
 * signed with Cobo Auth from {@code .waas/credentials.env} (loopback only). Responses to changes have their response
 * signature checked; polls do not (they are many and only read a status).
 */
public final class WaasApi {

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
    public static WaasApi fromCredentials(Path file, ObjectMapper mapper) throws IOException {
        Credentials c = Credentials.read(file);
        return new WaasApi(mapper, c.url(), c.signer(), c.responsePublicKey());
    }

    /** A signed GET of a path, with its query if any; the answer must be 2xx. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, "", false);
    }

    /** A signed POST of a JSON body; the answer must be 2xx and carry a valid response signature. */
    public JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send("POST", path, mapper.writeValueAsString(body), true);
    }

    /** A signed POST of a JSON text; the answer must be 2xx and carry a valid response signature. */
    public JsonNode post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, true);
    }

    private JsonNode send(String method, String path, String body, boolean checkSignature)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        int q = path.indexOf('?');
        // Cobo Auth signs the path and the query apart
        signer.headers(method, q < 0 ? path : path.substring(0, q), q < 0 ? "" : path.substring(q + 1), body)
                .forEach(b::header);
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
