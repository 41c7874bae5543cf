package io.openwaas.platform.events.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a control record's signature covers, and where it travels. The signed bytes are canonical and
 * length-prefixed under a domain tag: {@code "openwaas/control-record/v1"}, then topic, record key, CloudEvent type
 * ({@code ce_type}, empty when absent), signer name, signing time (8 bytes, epoch ms) and the value bytes (empty for a
 * tombstone), each but the time as a 4-byte big-endian length followed by the bytes. So a record cannot be moved to
 * another topic or key, given another type or signer, or re-timed, without the signature failing.
 *
 * <p>Headers: {@value #SIGNER} (the signer's name, UTF-8), {@value #SIGNED_AT} (epoch ms, decimal) and
 * {@value #SIGNATURE} (the Ed25519 signature, 128 hex characters).
 */
public final class SignedRecord {

    public static final String SIGNER = "ow-signer";
    public static final String SIGNED_AT = "ow-signed-at";
    public static final String SIGNATURE = "ow-sig";

    private static final byte[] DOMAIN = "openwaas/control-record/v1".getBytes(StandardCharsets.US_ASCII);

    private SignedRecord() {
    }

    /** The bytes the producer signs and the consumer verifies. */
    public static byte[] signedBytes(String topic, String key, String type, String signer, long signedAt,
                                     byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + (value == null ? 0 : value.length));
        put(out, DOMAIN);
        put(out, utf8(topic));
        put(out, utf8(key));
        put(out, utf8(type));
        put(out, utf8(signer));
        out.writeBytes(ByteBuffer.allocate(8).putLong(signedAt).array());
        put(out, value == null ? new byte[0] : value);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
