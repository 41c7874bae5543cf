package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code extra_info} of a KeyReshare request.
 *
 * @param coboId       {@code cobo_id}: unique id of the resharing request
 * @param apiRequestId {@code api_request_id}: the request id the API caller passed (or one generated for it)
 */
@JsonPropertyOrder({"cobo_id", "api_request_id"})
public record KeyReshareExtraInfo(
        @JsonProperty("cobo_id") String coboId,
        @JsonProperty("api_request_id") String apiRequestId) {

    /** Reads the {@code extra_info} string. */
    public static KeyReshareExtraInfo parse(String json) {
        return CallbackJson.read(json, KeyReshareExtraInfo.class);
    }
}
