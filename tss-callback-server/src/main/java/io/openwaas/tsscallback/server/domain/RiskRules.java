package io.openwaas.tsscallback.server.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.openwaas.tsscallback.CallbackRequestType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The risk rules, as read from the rules file (see {@code tss-callback-server/README.md}). Every field is
 * optional:
 *
 * <ul>
 *   <li>{@code allowed_request_types} — names among {@code Ping}, {@code KeyGen}, {@code KeySign},
 *       {@code KeyReshare}; absent = all four, {@code []} = none;</li>
 *   <li>{@code address_allowlist} — if non-empty, every KeySign destination ({@code to_address} and each
 *       {@code to_address_details[].to_address}) must be in it: {@code 0x} addresses compare case-insensitively,
 *       all others exactly; absent or empty = no destination check;</li>
 *   <li>{@code allow_sign_without_destination} — with a non-empty allowlist, whether a KeySign that names no
 *       destination at all may pass (default {@code false});</li>
 *   <li>{@code max_amount_per_token} — coin → the largest amount one KeySign may move, in the smallest unit, as a
 *       decimal string; coins not listed are unlimited;</li>
 *   <li>{@code allow_sign_without_amount} — with a non-empty {@code max_amount_per_token}, whether a KeySign without
 *       a {@code coin}, or for a limited coin without any amount, may pass (default {@code false});</li>
 *   <li>{@code reject_all_with} — if set, every request is rejected with this text (drills, emergencies).</li>
 * </ul>
 *
 * Unknown fields are an error, so a misspelt rule cannot silently do nothing.
 */
public record RiskRules(
        Set<CallbackRequestType> allowedRequestTypes,
        Set<String> addressAllowlist,
        boolean allowSignWithoutDestination,
        Map<String, BigDecimal> maxAmountPerToken,
        boolean allowSignWithoutAmount,
        String rejectAllWith) {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public RiskRules {
        allowedRequestTypes = Collections.unmodifiableSet(EnumSet.copyOf(allowedRequestTypes.isEmpty()
                ? EnumSet.noneOf(CallbackRequestType.class) : allowedRequestTypes));
        Set<String> normalized = new LinkedHashSet<>();
        for (String address : addressAllowlist) {
            normalized.add(normalizeAddress(address));
        }
        addressAllowlist = Collections.unmodifiableSet(normalized);
        maxAmountPerToken = Collections.unmodifiableMap(new LinkedHashMap<>(maxAmountPerToken));
        rejectAllWith = rejectAllWith == null || rejectAllWith.isBlank() ? null : rejectAllWith;
    }

    /**
     * Parses a rules file.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static RiskRules parse(byte[] json) {
        try {
            File file = STRICT.readValue(json, File.class);
            if (file == null) {
                throw new IllegalArgumentException("the rules file is JSON null");
            }
            return file.toRules();
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    ? p.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("invalid rules: " + message);
        }
    }

    /** A destination as the allowlist compares it: {@code 0x…} lower-cased, anything else as it is. */
    public static String normalizeAddress(String address) {
        if (address.length() >= 2 && address.charAt(0) == '0' && (address.charAt(1) == 'x' || address.charAt(1) == 'X')) {
            return address.toLowerCase(Locale.ROOT);
        }
        return address;
    }

    /** The rules file's JSON shape. */
    private record File(
            @JsonProperty("allowed_request_types") List<String> allowedRequestTypes,
            @JsonProperty("address_allowlist") List<String> addressAllowlist,
            @JsonProperty("allow_sign_without_destination") Boolean allowSignWithoutDestination,
            @JsonProperty("max_amount_per_token") Map<String, String> maxAmountPerToken,
            @JsonProperty("allow_sign_without_amount") Boolean allowSignWithoutAmount,
            @JsonProperty("reject_all_with") String rejectAllWith) {

        @JsonCreator
        File {
        }

        RiskRules toRules() {
            Set<CallbackRequestType> types = EnumSet.noneOf(CallbackRequestType.class);
            if (allowedRequestTypes == null) {
                types = EnumSet.allOf(CallbackRequestType.class);
            } else {
                for (String name : allowedRequestTypes) {
                    types.add(CallbackRequestType.fromRuleName(name).orElseThrow(() -> new IllegalArgumentException(
                            "invalid rules: allowed_request_types holds '" + name
                                    + "'; known are Ping, KeyGen, KeySign, KeyReshare")));
                }
            }
            Set<String> allowlist = new LinkedHashSet<>();
            if (addressAllowlist != null) {
                for (String address : addressAllowlist) {
                    if (address == null || address.isBlank()) {
                        throw new IllegalArgumentException("invalid rules: address_allowlist holds an empty address");
                    }
                    allowlist.add(address.strip());
                }
            }
            Map<String, BigDecimal> limits = new LinkedHashMap<>();
            if (maxAmountPerToken != null) {
                for (Map.Entry<String, String> entry : maxAmountPerToken.entrySet()) {
                    limits.put(entry.getKey(), parseLimit(entry.getKey(), entry.getValue()));
                }
            }
            return new RiskRules(types, allowlist, Boolean.TRUE.equals(allowSignWithoutDestination), limits,
                    Boolean.TRUE.equals(allowSignWithoutAmount), rejectAllWith);
        }

        private static BigDecimal parseLimit(String coin, String value) {
            BigDecimal limit;
            try {
                limit = value == null ? null : new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                limit = null;
            }
            if (limit == null || limit.signum() < 0) {
                throw new IllegalArgumentException("invalid rules: max_amount_per_token." + coin
                        + " must be a non-negative decimal string, e.g. \"1000000\"");
            }
            return limit;
        }
    }
}
