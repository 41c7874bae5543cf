package io.openwaas.tsscallback.server.domain;

import io.openwaas.tsscallback.CallbackFormatException;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.CallbackRequestType;
import io.openwaas.tsscallback.KeyGenDetail;
import io.openwaas.tsscallback.KeyGenExtraInfo;
import io.openwaas.tsscallback.KeyReshareDetail;
import io.openwaas.tsscallback.KeyReshareExtraInfo;
import io.openwaas.tsscallback.KeySignDetail;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.openwaas.tsscallback.ToAddressDetail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link RiskRules} to a verified {@link CallbackRequest}. Rules run in this order and the first objection
 * decides: {@code reject_all_with}, the request type ({@code allowed_request_types}), then for KeySign the
 * destinations ({@code address_allowlist}) and the amount ({@code max_amount_per_token}). Amounts are compared as
 * {@link BigDecimal}, exactly.
 *
 * <p>Pure: no I/O, no CDI, so it is unit-tested directly.
 */
public final class RiskEngine {

    private RiskEngine() {
    }

    /**
     * Decides about one request.
     *
     * @throws CallbackFormatException if the request's detail or extra info is not what its type requires
     */
    public static Verdict evaluate(CallbackRequest request, RiskRules rules) {
        Optional<CallbackRequestType> type = request.type();
        // Read the type's documents first: a malformed request is an error whatever the rules say.
        KeySignExtraInfo signInfo = type.isPresent() ? readDocuments(type.get(), request) : null;
        if (rules.rejectAllWith() != null) {
            return Verdict.reject("reject_all_with", rules.rejectAllWith());
        }
        if (type.isEmpty()) {
            return Verdict.reject("request_type", "unknown request_type " + request.requestType());
        }
        if (!rules.allowedRequestTypes().contains(type.get())) {
            return Verdict.reject("allowed_request_types", "request type " + type.get().ruleName()
                    + " is not allowed by this callback server");
        }
        if (type.get() != CallbackRequestType.KEY_SIGN) {
            return Verdict.approve();
        }
        Verdict destinations = checkDestinations(signInfo, rules);
        if (destinations != null) {
            return destinations;
        }
        Verdict amount = checkAmount(signInfo, rules);
        return amount != null ? amount : Verdict.approve();
    }

    private static KeySignExtraInfo readDocuments(CallbackRequestType type, CallbackRequest request) {
        switch (type) {
            case PING -> {
                return null;
            }
            case KEY_GEN -> {
                KeyGenDetail.parse(request.requestDetail());
                KeyGenExtraInfo.parse(request.extraInfo());
                return null;
            }
            case KEY_RESHARE -> {
                KeyReshareDetail.parse(request.requestDetail());
                KeyReshareExtraInfo.parse(request.extraInfo());
                return null;
            }
            case KEY_SIGN -> {
                KeySignDetail.parse(request.requestDetail());
                KeySignExtraInfo info = KeySignExtraInfo.parse(request.extraInfo());
                info.toAddressDetails();
                return info;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static Verdict checkDestinations(KeySignExtraInfo info, RiskRules rules) {
        if (rules.addressAllowlist().isEmpty()) {
            return null;
        }
        List<String> destinations = new ArrayList<>();
        info.toAddress().ifPresent(destinations::add);
        for (ToAddressDetail detail : info.toAddressDetails()) {
            if (detail.toAddress() == null || detail.toAddress().isBlank()) {
                return Verdict.reject("address_allowlist", "to_address_details holds an entry without to_address");
            }
            destinations.add(detail.toAddress());
        }
        if (destinations.isEmpty()) {
            return rules.allowSignWithoutDestination() ? null : Verdict.reject("address_allowlist",
                    "KeySign names no destination (to_address / to_address_details) and the address allowlist is on");
        }
        for (String destination : destinations) {
            if (!rules.addressAllowlist().contains(RiskRules.normalizeAddress(destination))) {
                return Verdict.reject("address_allowlist", "destination " + destination
                        + " is not in the address allowlist");
            }
        }
        return null;
    }

    private static Verdict checkAmount(KeySignExtraInfo info, RiskRules rules) {
        Map<String, BigDecimal> limits = rules.maxAmountPerToken();
        if (limits.isEmpty()) {
            return null;
        }
        Optional<String> coin = info.coin();
        if (coin.isEmpty()) {
            return rules.allowSignWithoutAmount() ? null : Verdict.reject("max_amount_per_token",
                    "KeySign names no coin, so its amount limit cannot be checked");
        }
        BigDecimal limit = limits.get(coin.get());
        if (limit == null) {
            return null;
        }
        Optional<String> amountText = info.amount();
        List<ToAddressDetail> details = info.toAddressDetails();
        if (amountText.isEmpty() && details.stream().allMatch(d -> d.amount() == null || d.amount().isBlank())) {
            return rules.allowSignWithoutAmount() ? null : Verdict.reject("max_amount_per_token",
                    "KeySign of " + coin.get() + " carries no amount; the limit " + limit.toPlainString()
                            + " cannot be checked");
        }
        if (amountText.isPresent()) {
            Verdict verdict = compare(amountText.get(), coin.get(), limit);
            if (verdict != null) {
                return verdict;
            }
        }
        if (!details.isEmpty()) {
            BigDecimal total = BigDecimal.ZERO;
            for (ToAddressDetail detail : details) {
                if (detail.amount() == null || detail.amount().isBlank()) {
                    continue;
                }
                BigDecimal amount = parseAmount(detail.amount());
                if (amount == null) {
                    return Verdict.reject("max_amount_per_token", "to_address_details amount '"
                            + abbreviate(detail.amount()) + "' is not a non-negative decimal number");
                }
                total = total.add(amount);
            }
            if (total.compareTo(limit) > 0) {
                return Verdict.reject("max_amount_per_token", "to_address_details total " + total.toPlainString()
                        + " " + coin.get() + " exceeds the limit " + limit.toPlainString());
            }
        }
        return null;
    }

    private static Verdict compare(String text, String coin, BigDecimal limit) {
        BigDecimal amount = parseAmount(text);
        if (amount == null) {
            return Verdict.reject("max_amount_per_token", "amount '" + abbreviate(text)
                    + "' is not a non-negative decimal number");
        }
        if (amount.compareTo(limit) > 0) {
            return Verdict.reject("max_amount_per_token", "amount " + amount.toPlainString() + " " + coin
                    + " exceeds the limit " + limit.toPlainString());
        }
        return null;
    }

    /** A non-negative decimal in plain or scientific notation, or null. */
    static BigDecimal parseAmount(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(trimmed);
            if (amount.signum() < 0 || Math.abs((long) amount.scale()) > 1000) {
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
