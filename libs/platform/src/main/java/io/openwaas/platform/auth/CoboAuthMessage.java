package io.openwaas.platform.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cobo Auth string to sign and its digest (reference §1.2, §1.3):
 * {@code METHOD|PATH|NONCE|QUERY|BODY}, hashed with SHA-256 twice.
 *
 * <p>The three official SDKs encode query values differently (Java {@code URLEncoder}, Python {@code quote_plus},
 * JavaScript {@code encodeURIComponent} with {@code %20 → +}) and may put bytes on the wire that differ from what
 * they signed, so the server decodes the query and re-encodes it in each style ({@link #queryCandidates}).
 */
public final class CoboAuthMessage {

    private CoboAuthMessage() {
    }

    /** {@code METHOD|PATH|NONCE|QUERY|BODY}. */
    public static String stringToSign(String method, String path, String nonce, String query, String body) {
        return method.toUpperCase(java.util.Locale.ROOT) + "|" + path + "|" + nonce + "|" + query + "|" + body;
    }

    /** SHA-256(SHA-256(UTF-8 bytes)). */
    public static byte[] digest(String stringToSign) {
        return digest(stringToSign.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256(SHA-256(bytes)). */
    public static byte[] digest(byte[] text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(sha.digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * The query strings a client may have signed for the raw query received: parameters in arrival order, empty
     * values dropped, each value re-encoded in the Java, Python and JavaScript styles. Usually a single string.
     */
    public static Set<String> queryCandidates(String rawQuery) {
        List<Map.Entry<String, String>> params = parse(rawQuery);
        Set<String> candidates = new LinkedHashSet<>();
        for (Style style : Style.values()) {
            candidates.add(join(params, style));
        }
        return candidates;
    }

    /** Encodes decoded parameters as the Java SDK signs them (what our own signer uses). */
    public static String canonicalQuery(List<Map.Entry<String, String>> params) {
        return join(params, Style.JAVA);
    }

    /** The raw and the percent-decoded path: Java signs the decoded one, Python and JS the encoded one. */
    public static Set<String> pathCandidates(String rawPath) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(rawPath);
        try {
            candidates.add(URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            // keep only the raw form
        }
        return candidates;
    }

    /** Decodes a raw query into its parameters, in arrival order, dropping empty values. */
    public static List<Map.Entry<String, String>> parse(String rawQuery) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!value.isEmpty()) {
                params.add(Map.entry(key, value));
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static String join(List<Map.Entry<String, String>> params, Style style) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(style.encode(p.getKey())).append('=').append(style.encode(p.getValue()));
        }
        return sb.toString();
    }

    /** The three SDKs' value encodings; all are UTF-8 percent-encoding with space as '+'. */
    enum Style {
        /** {@code URLEncoder}: leaves {@code A-Za-z0-9 . - * _}. */
        JAVA("-._*"),
        /** {@code quote_plus}: leaves {@code A-Za-z0-9 _ . - ~}. */
        PYTHON("-._~"),
        /** {@code encodeURIComponent}: leaves {@code A-Za-z0-9 - _ . ! ~ * ' ( )}. */
        JAVASCRIPT("-_.!~*'()");

        private final String unreserved;

        Style(String unreserved) {
            this.unreserved = unreserved;
        }

        String encode(String s) {
            StringBuilder sb = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || unreserved.indexOf(c) >= 0) {
                    sb.append((char) c);
                } else if (c == ' ') {
                    sb.append('+');
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return sb.toString();
        }
    }
}
