package io.openwaas.platform.events.signing;

import io.openwaas.platform.events.CloudEventHeaders;
import org.apache.kafka.common.header.Headers;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Checks a control record against pinned public keys and a producer policy (which signer names may produce on which
 * topic). A record passes only if it names a signer, that signer is pinned and allowed on the record's topic, its
 * Ed25519 signature verifies over topic, key, type, signer, time and value ({@link SignedRecord}), and its signing
 * time is within {@code maxSkew} of the record's Kafka timestamp (the broker's append time on the platform's
 * brokers: a record captured and re-sent later carries the old signing time under a new timestamp). A topic without
 * a policy admits nobody. Pure: no I/O, no CDI.
 */
public final class RecordVerifier {

    /** Why a record was refused. */
    public enum Reason {
        /** No signature headers. */
        UNSIGNED,
        /** The signer name has no pinned key. */
        UNKNOWN_SIGNER,
        /** A pinned signer, but not a producer of this topic. */
        SIGNER_NOT_ALLOWED,
        /** The signature does not verify: forged, altered, or moved to another topic, key or type. */
        BAD_SIGNATURE,
        /** Signed too long before (or after) the broker took it: a replay. */
        STALE,
        /** Authentic, but the record claims another producer than its signer (e.g. a report naming another node). */
        CLAIM_MISMATCH,
        /** Authentic, but it announces keys that differ from the pinned ones (a node re-keyed). */
        KEY_NOT_PINNED
    }

    /** The outcome: the verified signer, or the refusal. {@code signer} is the claimed one when refused. */
    public record Verdict(String signer, Reason refusal, String detail) {

        public boolean admitted() {
            return refusal == null;
        }

        static Verdict admit(String signer) {
            return new Verdict(signer, null, null);
        }

        static Verdict refuse(String signer, Reason reason, String detail) {
            return new Verdict(signer, reason, detail);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Ed25519PublicKeyParameters> trusted;
    private final Map<String, Set<String>> producers;
    private final long maxSkewMillis;

    /**
     * @param trusted   signer name → pinned Ed25519 public key (32 bytes, hex)
     * @param producers topic → the signer names that may produce on it
     * @param maxSkew   how far the signing time may be from the record's timestamp
     */
    public RecordVerifier(Map<String, String> trusted, Map<String, Set<String>> producers, Duration maxSkew) {
        Map<String, Ed25519PublicKeyParameters> keys = new java.util.HashMap<>();
        trusted.forEach((name, hex) -> keys.put(name, publicKey(name, hex)));
        this.trusted = Map.copyOf(keys);
        this.producers = Map.copyOf(producers);
        this.maxSkewMillis = maxSkew.toMillis();
    }

    private static Ed25519PublicKeyParameters publicKey(String name, String hex) {
        byte[] raw;
        try {
            raw = HEX.parseHex(hex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the pinned key of " + name + " is not hex");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the pinned key of " + name + " is not a 32-byte Ed25519 public key");
        }
        return new Ed25519PublicKeyParameters(raw, 0);
    }

    /** The pinned public key of a signer (hex), or null. */
    public String pinned(String name) {
        Ed25519PublicKeyParameters k = trusted.get(name);
        return k == null ? null : HEX.formatHex(k.getEncoded());
    }

    /** Whether {@code name} may produce on {@code topic}. */
    public boolean allowed(String topic, String name) {
        return producers.getOrDefault(topic, Set.of()).contains(name);
    }

    /** Verifies one record (value null: a tombstone, signed over an empty value). */
    public Verdict verify(String topic, String key, Headers headers, byte[] value, long recordTimestamp) {
        String signer = CloudEventHeaders.get(headers, SignedRecord.SIGNER);
        String at = CloudEventHeaders.get(headers, SignedRecord.SIGNED_AT);
        String sig = CloudEventHeaders.get(headers, SignedRecord.SIGNATURE);
        if (signer == null || at == null || sig == null) {
            return Verdict.refuse(signer, Reason.UNSIGNED, "no " + SignedRecord.SIGNATURE + " / "
                    + SignedRecord.SIGNER + " / " + SignedRecord.SIGNED_AT + " headers");
        }
        Ed25519PublicKeyParameters key2 = trusted.get(signer);
        if (key2 == null) {
            return Verdict.refuse(signer, Reason.UNKNOWN_SIGNER, "no pinned key for signer " + signer);
        }
        if (!allowed(topic, signer)) {
            return Verdict.refuse(signer, Reason.SIGNER_NOT_ALLOWED, signer + " may not produce on " + topic);
        }
        long signedAt;
        byte[] signature;
        try {
            signedAt = Long.parseLong(at.trim());
            signature = HEX.parseHex(sig.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.refuse(signer, Reason.BAD_SIGNATURE, "unreadable signature headers");
        }
        String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        byte[] message = SignedRecord.signedBytes(topic, key, type, signer, signedAt, value);
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, key2);
        v.update(message, 0, message.length);
        if (signature.length != 64 || !v.verifySignature(signature)) {
            return Verdict.refuse(signer, Reason.BAD_SIGNATURE,
                    "signature does not verify under " + signer + "'s pinned key for this topic, key, type and value");
        }
        long reference = recordTimestamp > 0 ? recordTimestamp : System.currentTimeMillis();
        if (Math.abs(reference - signedAt) > maxSkewMillis) {
            return Verdict.refuse(signer, Reason.STALE, "signed at " + signedAt + ", " + (reference - signedAt) / 1000
                    + " s from the record's timestamp (replay)");
        }
        return Verdict.admit(signer);
    }
}
