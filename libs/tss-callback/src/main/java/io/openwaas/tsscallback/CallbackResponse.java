package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The callback server's answer: the JWT payload of the response to {@code POST /v1/check}.
 *
 * @param status    {@code status}: {@link #STATUS_OK} when the server works normally; any other value means the
 *                  server had an error (then {@code error} says which) and the node treats it like no answer
 * @param requestId {@code request_id}: the request's {@code request_id}
 * @param action    {@code action}: {@link #APPROVE} or {@link #REJECT}
 * @param error     {@code error}: the rejection reason, or the server error when {@code status != 0}; empty on
 *                  approval
 */
@JsonPropertyOrder({"status", "request_id", "action", "error"})
public record CallbackResponse(
        @JsonProperty("status") int status,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("action") String action,
        @JsonProperty("error") String error) {

    /** The server works normally. */
    public static final int STATUS_OK = 0;
    /** The server could not verify or read the request. */
    public static final int STATUS_BAD_REQUEST = 1;
    /** The task should be executed. */
    public static final String APPROVE = "APPROVE";
    /** The task should be rejected; {@code error} says why. */
    public static final String REJECT = "REJECT";

    /** Status 0, APPROVE. */
    public static CallbackResponse approve(String requestId) {
        return new CallbackResponse(STATUS_OK, requestId, APPROVE, "");
    }

    /** Status 0, REJECT with a reason. */
    public static CallbackResponse reject(String requestId, String reason) {
        return new CallbackResponse(STATUS_OK, requestId, REJECT, reason);
    }

    /** A server-side error (status != 0), which a node never takes for an approval. */
    public static CallbackResponse failure(int status, String requestId, String error) {
        if (status == STATUS_OK) {
            throw new IllegalArgumentException("a failure needs a status other than 0");
        }
        return new CallbackResponse(status, requestId, REJECT, error);
    }

    /** Whether this answer approves the task: status 0 and APPROVE. */
    @JsonIgnore
    public boolean isApproval() {
        return status == STATUS_OK && APPROVE.equals(action);
    }

    /** The JSON string that is signed as the JWT payload. */
    public String toJson() {
        return CallbackJson.write(this);
    }

    /**
     * Reads a response from the JWT payload.
     *
     * @throws CallbackFormatException if it is not a response
     */
    public static CallbackResponse parse(String json) {
        return CallbackJson.read(json, CallbackResponse.class);
    }
}
