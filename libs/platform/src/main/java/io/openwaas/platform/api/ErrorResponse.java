package io.openwaas.platform.api;

import java.util.UUID;

/**
 * The body of every 4xx/5xx response (reference §2.5).
 *
 * @param errorCode    Cobo error code
 * @param errorMessage human-readable; never a class name, stack trace or secret
 * @param errorId      32 hex characters, also written to the log line of the failure
 */
public record ErrorResponse(int errorCode, String errorMessage, String errorId) {

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(code.code(), message, newErrorId());
    }

    public static String newErrorId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
