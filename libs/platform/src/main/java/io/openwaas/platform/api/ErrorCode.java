package io.openwaas.platform.api;

/** Cobo error codes used on our wire (reference §2.5), with the HTTP status each normally goes with. */
public enum ErrorCode {
    INTERNAL(1000, 500),
    MISSING_PARAMETER(2003, 400),
    INVALID_PARAMETER(2006, 400),
    PROCESSING_ERROR(2000, 500),
    METHOD_NOT_ALLOWED(2002, 405),
    NOT_IMPLEMENTED(2021, 404),
    MISSING_AUTH_HEADERS(2022, 401),
    INVALID_SIGNATURE(2023, 401),
    API_KEY_AUTH_FAILED(2024, 401),
    FORBIDDEN(2025, 403),
    TOO_MANY_REQUESTS(2026, 429),
    NOT_FOUND(2028, 404),
    INVALID_STATUS(2029, 400),
    DUPLICATE_KEY(2040, 409),
    UNSUPPORTED_MEDIA_TYPE(2006, 415),
    NOT_ACCEPTABLE(2006, 406),
    TOKEN_NOT_SUPPORTED(12002, 400),
    INSUFFICIENT_BALANCE(12007, 400),
    DUPLICATE_REQUEST_ID(12009, 400);

    private final int code;
    private final int httpStatus;

    ErrorCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
