package io.openwaas.tsscallback.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One answer of the server, as the decision log and {@code GET /v1/decisions} show it. Never holds key material.
 *
 * @param timestamp   when it was decided, ISO-8601 UTC
 * @param requestId   the request's {@code request_id}, empty if the request could not be read
 * @param requestType the request's {@code request_type}, null if the request could not be read
 * @param status      the answer's {@code status} (0 normal, 1 request not verified or not readable, 2 server error)
 * @param action      {@code APPROVE} or {@code REJECT}
 * @param error       the reason given, empty on approval
 * @param rule        the rule that decided, or {@code verification} / {@code parse} / {@code server} when the
 *                    request never reached the rules
 * @param nodeKey     the node key file that verified the request, null if none did
 */
@JsonPropertyOrder({"timestamp", "request_id", "request_type", "status", "action", "error", "rule", "node_key"})
public record Decision(
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("request_type") Integer requestType,
        @JsonProperty("status") int status,
        @JsonProperty("action") String action,
        @JsonProperty("error") String error,
        @JsonProperty("rule") String rule,
        @JsonProperty("node_key") String nodeKey) {
}
