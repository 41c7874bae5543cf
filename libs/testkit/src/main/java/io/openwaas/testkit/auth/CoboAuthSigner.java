package io.openwaas.testkit.auth;

import io.openwaas.platform.auth.CoboAuthMessage;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs requests exactly as the official SDKs do (reference §1): {@code BIZ-API-KEY}, {@code BIZ-API-NONCE},
 * {@code BIZ-API-SIGNATURE} over {@code METHOD|PATH|NONCE|QUERY|BODY}.
 */
public final class CoboAuthSigner {

    public static final String API_KEY = "BIZ-API-KEY";
    public static final String NONCE = "BIZ-API-NONCE";
    public static final String SIGNATURE = "BIZ-API-SIGNATURE";

    /** Nonces are milliseconds; a counter keeps them unique when several requests start in the same millisecond. */
    private static final AtomicLong LAST_NONCE = new AtomicLong();

    private final ApiKeyPair key;

    public CoboAuthSigner(ApiKeyPair key) {
        this.key = key;
    }

    public ApiKeyPair key() {
        return key;
    }

    /** A fresh nonce: current time in ms, strictly increasing within this JVM. */
    public static String freshNonce() {
        long now = System.currentTimeMillis();
        return Long.toString(LAST_NONCE.updateAndGet(last -> Math.max(last + 1, now)));
    }

    /**
     * Headers for a request.
     *
     * @param rawQuery the query string as it goes on the wire (may be empty or null)
     * @param body     the body exactly as sent ("" when none)
     */
    public Map<String, String> headers(String method, String path, String rawQuery, String body, String nonce) {
        String query = CoboAuthMessage.canonicalQuery(CoboAuthMessage.parse(rawQuery));
        String toSign = CoboAuthMessage.stringToSign(method, path, nonce, query, body == null ? "" : body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(API_KEY, key.apiKey());
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, HexFormat.of().formatHex(key.sign(CoboAuthMessage.digest(toSign))));
        return headers;
    }

    public Map<String, String> headers(String method, String path, String rawQuery, String body) {
        return headers(method, path, rawQuery, body, freshNonce());
    }
}
