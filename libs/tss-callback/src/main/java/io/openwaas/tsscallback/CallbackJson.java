package io.openwaas.tsscallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the protocol. Readers are tolerant (unknown fields are ignored, so a newer TSS node or
 * server can add fields); writers emit every field of a record under its snake_case wire name.
 */
public final class CallbackJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CallbackJson() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serializes a wire record to its JSON string. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses a JSON string into a wire record.
     *
     * @throws CallbackFormatException if the text is not JSON of that shape (the message names the type, never
     *                                 echoes the input)
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new CallbackFormatException(type.getSimpleName() + " is missing");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new CallbackFormatException(type.getSimpleName() + " is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new CallbackFormatException(type.getSimpleName() + " is not valid JSON of the expected shape: "
                    + e.getOriginalMessage());
        }
    }

    /** Parses a JSON string into a tree. */
    public static JsonNode readTree(String json, String what) {
        if (json == null) {
            throw new CallbackFormatException(what + " is missing");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CallbackFormatException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
