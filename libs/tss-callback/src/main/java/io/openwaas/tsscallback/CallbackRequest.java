package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;
import java.util.Optional;

/**
 * What a TSS node asks its callback server before it runs a task: the JWT payload of {@code POST /v1/check}.
 *
 * <p>{@code request_detail} and {@code extra_info} are JSON documents serialized into strings (as the protocol
 * says), whose shape depends on {@code request_type}; the factories below serialize them and the {@code parse}
 * methods of the detail records read them back.
 *
 * @param requestId     {@code request_id}: unique id of this callback request
 * @param requestType   {@code request_type}: a {@link CallbackRequestType} code (kept as the wire int so an unknown
 *                      code can still be read and rejected)
 * @param requestDetail {@code request_detail}: the type's detail, serialized JSON
 * @param extraInfo     {@code extra_info}: the type's extra information, serialized JSON
 */
@JsonPropertyOrder({"request_id", "request_type", "request_detail", "extra_info"})
public record CallbackRequest(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("request_type") int requestType,
        @JsonProperty("request_detail") String requestDetail,
        @JsonProperty("extra_info") String extraInfo) {

    /** The detail and extra info of a Ping. */
    public static final String EMPTY_JSON = "{}";

    /** A liveness probe. */
    public static CallbackRequest ping(String requestId) {
        return new CallbackRequest(requestId, CallbackRequestType.PING.code(), EMPTY_JSON, EMPTY_JSON);
    }

    /** A key generation request. */
    public static CallbackRequest keyGen(String requestId, KeyGenDetail detail, KeyGenExtraInfo extraInfo) {
        return of(requestId, CallbackRequestType.KEY_GEN, detail, extraInfo);
    }

    /** A signing request. */
    public static CallbackRequest keySign(String requestId, KeySignDetail detail, KeySignExtraInfo extraInfo) {
        return of(requestId, CallbackRequestType.KEY_SIGN, detail, extraInfo);
    }

    /** A resharing request. */
    public static CallbackRequest keyReshare(String requestId, KeyReshareDetail detail,
                                             KeyReshareExtraInfo extraInfo) {
        return of(requestId, CallbackRequestType.KEY_RESHARE, detail, extraInfo);
    }

    private static CallbackRequest of(String requestId, CallbackRequestType type, Object detail, Object extraInfo) {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(extraInfo, "extraInfo");
        return new CallbackRequest(requestId, type.code(), CallbackJson.write(detail), CallbackJson.write(extraInfo));
    }

    /** The request type, or empty for an unknown code. */
    @JsonIgnore
    public Optional<CallbackRequestType> type() {
        return CallbackRequestType.fromCode(requestType);
    }

    /** The JSON string that is signed as the JWT payload. */
    public String toJson() {
        return CallbackJson.write(this);
    }

    /**
     * Reads a request from the JWT payload.
     *
     * @throws CallbackFormatException if it is not a request or has no {@code request_id}
     */
    public static CallbackRequest parse(String json) {
        CallbackRequest request = CallbackJson.read(json, CallbackRequest.class);
        if (request.requestId() == null || request.requestId().isBlank()) {
            throw new CallbackFormatException("CallbackRequest has no request_id");
        }
        return request;
    }
}
