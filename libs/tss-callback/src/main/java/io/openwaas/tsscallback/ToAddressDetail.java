package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One destination of a KeySign ({@code to_address_details[]}, UTXO chains).
 *
 * @param toAddress {@code to_address}: the withdrawal address
 * @param amount    {@code amount}: in the smallest unit as a decimal string ({@code 100000000} = 1 BTC)
 */
@JsonPropertyOrder({"to_address", "amount"})
public record ToAddressDetail(
        @JsonProperty("to_address") String toAddress,
        @JsonProperty("amount") String amount) {
}
