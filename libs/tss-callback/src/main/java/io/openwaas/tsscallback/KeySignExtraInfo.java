package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code extra_info} of a KeySign request: what the transaction does, as far as the platform knows it.
 *
 * <p>The protocol lists many optional fields ({@code cobo_id}, {@code api_request_id}, {@code transaction_type},
 * {@code operation}, {@code coin}, {@code decimal}, {@code from_address}, {@code amount}, {@code to_address},
 * {@code to_address_details}, {@code fee}, {@code gas_price}, {@code gas_limit}, {@code extra_parameters},
 * {@code replace_cobo_id}, {@code api_key}, {@code spender}, {@code operator}, {@code custody_wallet_name},
 * {@code gas_station_child_id}, {@code raw_tx_hex}, {@code note}, {@code raw_tx_info}), so the document is kept as
 * the JSON object it is: every field, known or not, passes through unchanged, and the accessors below read the
 * ones risk rules need. Build one with {@link #builder()}.
 *
 * @param json the {@code extra_info} object (the record keeps a private copy and hands out copies)
 */
public record KeySignExtraInfo(@JsonValue ObjectNode json) {

    /** {@code transaction_type = 100}: initiated via web. */
    public static final int TRANSACTION_FROM_WEB = 100;
    /** {@code transaction_type = 102}: initiated via API. */
    public static final int TRANSACTION_FROM_API = 102;
    /** {@code transaction_type = 103}: RBF speed-up via API. */
    public static final int TRANSACTION_RBF_API_SPEEDUP = 103;
    /** {@code transaction_type = 104}: RBF speed-up via web. */
    public static final int TRANSACTION_RBF_WEB_SPEEDUP = 104;
    /** {@code transaction_type = 105}: RBF cancel via API. */
    public static final int TRANSACTION_RBF_API_DROP = 105;
    /** {@code transaction_type = 106}: RBF cancel via web. */
    public static final int TRANSACTION_RBF_WEB_DROP = 106;
    /** {@code operation = 100}: a transfer. */
    public static final int OPERATION_TRANSFER = 100;
    /** {@code operation = 200}: a smart contract call. */
    public static final int OPERATION_CONTRACT_CALL = 200;

    private static final TypeReference<List<ToAddressDetail>> DETAILS = new TypeReference<>() {
    };

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public KeySignExtraInfo {
        Objects.requireNonNull(json, "json");
        json = json.deepCopy();
    }

    /** A copy of the {@code extra_info} object. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Reads the {@code extra_info} string; it must be a JSON object. */
    public static KeySignExtraInfo parse(String text) {
        JsonNode node = CallbackJson.readTree(text, "KeySign extra_info");
        if (!(node instanceof ObjectNode object)) {
            throw new CallbackFormatException("KeySign extra_info is not a JSON object");
        }
        return new KeySignExtraInfo(object);
    }

    /** {@code cobo_id}. */
    public Optional<String> coboId() {
        return text("cobo_id");
    }

    /** {@code api_request_id}. */
    public Optional<String> apiRequestId() {
        return text("api_request_id");
    }

    /** {@code coin}: the asset, e.g. {@code ETH_USDT}. */
    public Optional<String> coin() {
        return text("coin");
    }

    /**
     * {@code amount}: in the smallest unit, as the decimal string it was sent as (a JSON number is rendered in plain
     * notation, without loss).
     */
    public Optional<String> amount() {
        return text("amount");
    }

    /** {@code to_address}. */
    public Optional<String> toAddress() {
        return text("to_address");
    }

    /**
     * {@code to_address_details}: the destinations of a UTXO transaction, empty if absent. The field may be a JSON
     * array or a string holding one; both are read.
     *
     * @throws CallbackFormatException if it is present but not a list of destinations
     */
    public List<ToAddressDetail> toAddressDetails() {
        JsonNode node = json.get("to_address_details");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return List.of();
        }
        if (node.isTextual()) {
            node = CallbackJson.readTree(node.asText(), "to_address_details");
        }
        if (!node.isArray()) {
            throw new CallbackFormatException("to_address_details is not a list");
        }
        try {
            List<ToAddressDetail> details = CallbackJson.mapper().convertValue(node, DETAILS);
            List<ToAddressDetail> result = new ArrayList<>(details.size());
            for (ToAddressDetail detail : details) {
                if (detail == null) {
                    throw new CallbackFormatException("to_address_details holds a null entry");
                }
                result.add(detail);
            }
            return Collections.unmodifiableList(result);
        } catch (IllegalArgumentException e) {
            throw new CallbackFormatException("to_address_details is not a list of {to_address, amount}");
        }
    }

    /**
     * A field as text: a string as it is, a number in plain notation, empty when absent, null or an empty string.
     * Objects and arrays are rendered as JSON.
     */
    public Optional<String> text(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String value;
        if (node.isTextual()) {
            value = node.asText();
        } else if (node.isNumber()) {
            value = node.decimalValue().toPlainString();
        } else if (node.isContainerNode()) {
            value = node.toString();
        } else {
            value = node.asText();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The JSON string of this object. */
    public String toJson() {
        return CallbackJson.write(this);
    }

    /** A builder for the fields a platform typically knows; anything else through {@link Builder#put}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link KeySignExtraInfo}; setters with a null value leave the field out. */
    public static final class Builder {

        private final ObjectNode json = JsonNodeFactory.instance.objectNode();

        private Builder() {
        }

        /** {@code cobo_id}. */
        public Builder coboId(String value) {
            return put("cobo_id", value);
        }

        /** {@code api_request_id}. */
        public Builder apiRequestId(String value) {
            return put("api_request_id", value);
        }

        /** {@code transaction_type} ({@link #TRANSACTION_FROM_API}, ...). */
        public Builder transactionType(int value) {
            json.put("transaction_type", value);
            return this;
        }

        /** {@code operation} ({@link #OPERATION_TRANSFER} or {@link #OPERATION_CONTRACT_CALL}). */
        public Builder operation(int value) {
            json.put("operation", value);
            return this;
        }

        /** {@code coin}. */
        public Builder coin(String value) {
            return put("coin", value);
        }

        /** {@code decimal}: the asset's decimal places. */
        public Builder decimal(int value) {
            json.put("decimal", value);
            return this;
        }

        /** {@code from_address}. */
        public Builder fromAddress(String value) {
            return put("from_address", value);
        }

        /** {@code amount} in the smallest unit, as a decimal string. */
        public Builder amount(String value) {
            return put("amount", value);
        }

        /** {@code to_address}. */
        public Builder toAddress(String value) {
            return put("to_address", value);
        }

        /** {@code to_address_details}, written as a JSON array. */
        public Builder toAddressDetails(List<ToAddressDetail> value) {
            if (value != null) {
                json.set("to_address_details", CallbackJson.mapper().valueToTree(value));
            }
            return this;
        }

        /** {@code note}. */
        public Builder note(String value) {
            return put("note", value);
        }

        /** {@code raw_tx_hex}. */
        public Builder rawTxHex(String value) {
            return put("raw_tx_hex", value);
        }

        /** Any string field. */
        public Builder put(String field, String value) {
            if (value != null) {
                json.put(field, value);
            }
            return this;
        }

        /** Any field as JSON ({@code extra_parameters}, {@code raw_tx_info}, {@code gas_price}, ...). */
        public Builder put(String field, JsonNode value) {
            if (value != null) {
                json.set(field, value);
            }
            return this;
        }

        public KeySignExtraInfo build() {
            return new KeySignExtraInfo(json);
        }
    }
}
