package io.openwaas.tsscallback.server.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads one field of an {@code application/x-www-form-urlencoded} body. Done here rather than by the framework so
 * that a malformed body (bad percent-encoding, the field twice) is answered like any other bad request — a signed
 * status-1 response — instead of an unsigned error page.
 *
 * @param value the decoded value, or null if the field is absent or the body is malformed
 * @param error why the body is unusable, or null
 */
record FormBody(String value, String error) {

    static FormBody field(String body, String name) {
        String value = null;
        if (body == null || body.isEmpty()) {
            return new FormBody(null, null);
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            String raw;
            try {
                key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                raw = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new FormBody(null, "the body is not valid application/x-www-form-urlencoded");
            }
            if (key.equals(name)) {
                if (value != null) {
                    return new FormBody(null, "form field " + name + " appears more than once");
                }
                value = raw;
            }
        }
        return new FormBody(value, null);
    }
}
