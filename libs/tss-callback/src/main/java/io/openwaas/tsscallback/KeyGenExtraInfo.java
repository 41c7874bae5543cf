package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code extra_info} of a KeyGen request.
 *
 * @param coboId       {@code cobo_id}: unique id of the key generation request
 * @param apiRequestId {@code api_request_id}: the request id the API caller passed (or one generated for it)
 */
@JsonPropertyOrder({"cobo_id", "api_request_id"})
public record KeyGenExtraInfo(
        @JsonProperty("cobo_id") String coboId,
        @JsonProperty("api_request_id") String apiRequestId) {

    /** Reads the {@code extra_info} string. */
    public static KeyGenExtraInfo parse(String json) {
        return CallbackJson.read(json, KeyGenExtraInfo.class);
    }
}
