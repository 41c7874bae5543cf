package io.openwaas.testkit.auth;

import io.openwaas.platform.auth.ResponseSignature;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends Cobo-Auth-signed requests with RestAssured, exactly as an SDK would: the query string and body that are
 * signed are the bytes that go on the wire. Every response's signature is checked against the platform's public
 * key (pass {@code null} to skip).
 */
public final class SignedClient {

    private final CoboAuthSigner signer;
    private final String responsePublicKey;

    public SignedClient(ApiKeyPair key, String responsePublicKeyHex) {
        this.signer = new CoboAuthSigner(key);
        this.responsePublicKey = responsePublicKeyHex;
    }

    public ApiKeyPair key() {
        return signer.key();
    }

    public Response get(String path) {
        return send("GET", path, null, CoboAuthSigner.freshNonce());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, CoboAuthSigner.freshNonce());
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, CoboAuthSigner.freshNonce());
    }

    /**
     * @param pathAndQuery e.g. {@code /v2/wallets?limit=5} — the query exactly as it goes on the wire
     * @param json         body, or null for none
     */
    public Response send(String method, String pathAndQuery, String json, String nonce) {
        Map<String, String> headers = headers(method, pathAndQuery, json, nonce);
        return raw(method, pathAndQuery, json, headers);
    }

    /** The auth headers for a request (for tests that tamper with the request afterwards). */
    public Map<String, String> headers(String method, String pathAndQuery, String json, String nonce) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        return signer.headers(method, path, query, json == null ? "" : json, nonce);
    }

    /** Sends a request with the given headers as is, checking the response signature. */
    public Response raw(String method, String pathAndQuery, String json, Map<String, String> headers) {
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false).headers(headers);
        if (json != null) {
            spec = spec.contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8));
        }
        Response response = spec.request(method, pathAndQuery);
        if (responsePublicKey != null) {
            assertSigned(response, responsePublicKey);
        }
        return response;
    }

    /** Fails unless the response carries a valid platform signature in both header spellings. */
    public static void assertSigned(Response response, String publicKeyHex) {
        String ts = response.getHeader(ResponseSignature.TIMESTAMP_UNDERSCORE);
        String sig = response.getHeader(ResponseSignature.SIGNATURE_UNDERSCORE);
        String ts2 = response.getHeader(ResponseSignature.TIMESTAMP_HYPHEN);
        String sig2 = response.getHeader(ResponseSignature.SIGNATURE_HYPHEN);
        if (ts == null || sig == null || !ts.equals(ts2) || !sig.equals(sig2)) {
            throw new AssertionError("response " + response.getStatusCode() + " lacks signature headers in both spellings");
        }
        if (!ResponseSignature.verify(publicKeyHex, response.asByteArray(), ts, sig)) {
            throw new AssertionError("response " + response.getStatusCode() + " has an invalid signature");
        }
    }
}
