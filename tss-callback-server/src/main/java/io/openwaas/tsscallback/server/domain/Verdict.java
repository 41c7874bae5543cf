package io.openwaas.tsscallback.server.domain;

import io.openwaas.tsscallback.CallbackResponse;

/**
 * What the rules decided about one request.
 *
 * @param action {@link CallbackResponse#APPROVE} or {@link CallbackResponse#REJECT}
 * @param error  the rejection reason, empty on approval
 * @param rule   the rule that decided: {@code reject_all_with}, {@code allowed_request_types},
 *               {@code request_type} (unknown type), {@code address_allowlist}, {@code max_amount_per_token}, or
 *               {@code default} (no rule objected)
 */
public record Verdict(String action, String error, String rule) {

    /** No rule objected. */
    public static Verdict approve() {
        return new Verdict(CallbackResponse.APPROVE, "", "default");
    }

    /** A rule objected. */
    public static Verdict reject(String rule, String reason) {
        return new Verdict(CallbackResponse.REJECT, reason, rule);
    }

    public boolean approved() {
        return CallbackResponse.APPROVE.equals(action);
    }
}
