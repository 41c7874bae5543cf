package io.openwaas.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The platform's error envelope ({@code error_code}, {@code error_message}, {@code error_id}) for the two answers
 * the gateway gives itself: no route (404, 2021) and backend unreachable (502, 2000).
 */
public final class ErrorEnvelope {

    public static final int NO_ROUTE = 2021;
    public static final int BAD_GATEWAY = 2000;

    private ErrorEnvelope() {
    }

    public static Buffer of(int errorCode, String message) {
        return new JsonObject()
                .put("error_code", errorCode)
                .put("error_message", message)
                .put("error_id", UUID.randomUUID().toString().replace("-", ""))
                .toBuffer();
    }
}
