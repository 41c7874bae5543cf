package io.openwaas.platform.events.signing;

import io.openwaas.platform.events.CloudEventHeaders;
import org.apache.kafka.common.header.Headers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Signs control records with the producing service's Ed25519 identity key ({@link SignedRecord} says what is
 * covered). Thread-safe; the key never leaves the object and is never printed.
 */
public final class RecordSigner {

    private static final HexFormat HEX = HexFormat.of();

    private final String name;
    private final Ed25519PrivateKeyParameters key;
    private final String publicKeyHex;

    private RecordSigner(String name, Ed25519PrivateKeyParameters key) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a record signer needs a name");
        }
        this.name = name;
        this.key = key;
        this.publicKeyHex = HEX.formatHex(key.generatePublicKey().getEncoded());
    }

    /** Adopts a 32-byte Ed25519 seed (the caller may wipe its copy afterwards). */
    public static RecordSigner wrap(String name, byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("a control signing key is a 32-byte Ed25519 seed");
        }
        return new RecordSigner(name, new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Parses a seed given as 64 hex characters (surrounding whitespace ignored). */
    public static RecordSigner parse(String name, String seedHex) {
        byte[] seed;
        try {
            seed = HEX.parseHex(seedHex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the control signing key of " + name + " is not hex");
        }
        try {
            return wrap(name, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The name consumers pin this signer's public key under (e.g. {@code wallet-service}, {@code tss-node-0}). */
    public String name() {
        return name;
    }

    public String publicKeyHex() {
        return publicKeyHex;
    }

    /** The signature (64 bytes) of a record. */
    public byte[] signature(String topic, String key, String type, long signedAt, byte[] value) {
        byte[] message = SignedRecord.signedBytes(topic, key, type, name, signedAt, value);
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, this.key);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    /**
     * Signs a record about to be sent, now: adds (replaces) the signer, time and signature headers. The CloudEvent
     * type is read from {@code headers} ({@code ce_type}), so write the CloudEvent headers first.
     */
    public void sign(String topic, String key, Headers headers, byte[] value) {
        sign(topic, key, headers, value, System.currentTimeMillis());
    }

    /** {@link #sign(String, String, Headers, byte[])} at a given time (tests make stale records with it). */
    public void sign(String topic, String key, Headers headers, byte[] value, long signedAt) {
        String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        byte[] sig = signature(topic, key, type, signedAt, value);
        put(headers, SignedRecord.SIGNER, name);
        put(headers, SignedRecord.SIGNED_AT, Long.toString(signedAt));
        put(headers, SignedRecord.SIGNATURE, HEX.formatHex(sig));
    }

    private static void put(Headers headers, String header, String value) {
        headers.remove(header);
        headers.add(header, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RecordSigner[" + name + ", " + publicKeyHex + "]";
    }
}
