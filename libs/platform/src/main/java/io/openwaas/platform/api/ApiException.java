package io.openwaas.platform.api;

/**
 * A failure the client is told about: HTTP status, Cobo error code and a message fit for the client. Thrown by
 * resources and domain services; mapped to the {@link ErrorResponse} envelope.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int httpStatus;

    public ApiException(ErrorCode code, String message) {
        this(code, code.httpStatus(), message);
    }

    public ApiException(ErrorCode code, int httpStatus, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public ErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** 404 "… not found" — also for another organisation's resources, which are answered as if absent. */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found: " + id);
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, "invalid " + field + ": " + problem);
    }

    public static ApiException missing(String field) {
        return new ApiException(ErrorCode.MISSING_PARAMETER, "missing required parameter: " + field);
    }

    public static ApiException unsupported(String what) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, what + " is not supported");
    }
}
