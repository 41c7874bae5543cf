package io.openwaas.tsscallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * How a {@link CallbackRequest} or {@link CallbackResponse} sits in the JWT payload.
 *
 * <ul>
 *   <li>{@link #PLAIN}: the JSON document is the payload, as seed 003 describes.</li>
 *   <li>{@link #PACKAGE_DATA}: the payload is a claims object {@code {"package_data": base64(JSON), "iat": …,
 *   "exp": …}}, as Cobo's TSS Node and its callback-server templates exchange them.</li>
 * </ul>
 *
 * <p>A reader accepts both ({@link #open}); a writer uses the one its peer speaks. A {@code PACKAGE_DATA} payload
 * whose {@code exp} has passed (beyond {@link #CLOCK_SKEW}) is refused.
 */
public enum CallbackEnvelope {

    PLAIN,
    PACKAGE_DATA;

    /** The claim that carries the document in {@link #PACKAGE_DATA}. */
    public static final String PACKAGE_DATA_CLAIM = "package_data";
    /** How long a {@link #PACKAGE_DATA} token is valid after it is made. */
    public static final Duration VALIDITY = Duration.ofMinutes(2);
    /** Tolerated difference between the two sides' clocks when checking {@code exp}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** A document taken out of its envelope. */
    public record Opened(CallbackEnvelope envelope, String json) {
    }

    /** The configuration spelling: {@code plain} or {@code package-data}. */
    public static CallbackEnvelope parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "plain" -> PLAIN;
            case "package-data" -> PACKAGE_DATA;
            default -> throw new IllegalArgumentException("callback envelope must be 'plain' or 'package-data', not '"
                    + name + "'");
        };
    }

    /** Puts a JSON document into this envelope, made at {@code now}. */
    public String seal(String json, Instant now) {
        if (this == PLAIN) {
            return json;
        }
        ObjectNode claims = CallbackJson.mapper().createObjectNode();
        claims.put(PACKAGE_DATA_CLAIM, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        return CallbackJson.write(claims);
    }

    /**
     * Takes the document out of a verified JWT payload in either envelope.
     *
     * @throws CallbackFormatException if the payload is not a JSON object, {@code package_data} is not base64 of
     *                                 UTF-8 text, or the token has expired
     */
    public static Opened open(String payload, Instant now) {
        JsonNode node = CallbackJson.readTree(payload, "the JWT payload");
        if (node == null || !node.isObject()) {
            throw new CallbackFormatException("the JWT payload is not a JSON object");
        }
        JsonNode packaged = node.get(PACKAGE_DATA_CLAIM);
        if (packaged == null) {
            return new Opened(PLAIN, payload);
        }
        if (!packaged.isTextual()) {
            throw new CallbackFormatException("package_data is not a string");
        }
        JsonNode exp = node.get("exp");
        if (exp != null && (!exp.canConvertToLong()
                || now.minus(CLOCK_SKEW).getEpochSecond() > exp.asLong())) {
            throw new CallbackFormatException("the token has expired (exp " + exp.asText() + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(packaged.textValue());
        } catch (IllegalArgumentException e) {
            throw new CallbackFormatException("package_data is not base64");
        }
        try {
            String json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Opened(PACKAGE_DATA, json);
        } catch (CharacterCodingException e) {
            throw new CallbackFormatException("package_data is not UTF-8 text");
        }
    }
}
