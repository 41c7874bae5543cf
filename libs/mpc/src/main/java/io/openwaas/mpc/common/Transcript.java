package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * A canonical, length-prefixed Fiat–Shamir transcript (threat checklist lines 5, 7 and 16).
 *
 * <p>Encoding: a sequence of items, each {@code u32(len(label)) ‖ label ‖ u32(len(value)) ‖ value}, big-endian
 * lengths. Every transcript starts with four items: {@code "openwaas-transcript-v1"} (format version),
 * {@code "domain"} (the protocol's domain tag), {@code "session"} (the {@link SessionId}) and {@code "prover"}
 * (the prover's {@link PartyId}, minimal big-endian; empty for a transcript without a prover, which no
 * {@code PartyId} can encode to). Callers then append every public input of the statement with a label.
 * Because each item carries both lengths, two different item sequences never produce the same bytes.
 *
 * <p>Outputs: {@link #digest()} (the hash of the encoding) or {@link #challenge(BigInteger)} (a scalar
 * mod {@code q} derived from {@code ceil((|q| + 128) / 8)} bytes of hash output, so the bias is below
 * {@code 2^-128}). A transcript is single-use: after an output is taken, appending throws.
 */
public final class Transcript {

    /** The hash function of a transcript. */
    public enum Hash {
        SHA256, SHA512;

        Digest newDigest() {
            return this == SHA256 ? new SHA256Digest() : new SHA512Digest();
        }
    }

    private static final byte[] VERSION_LABEL = "openwaas-transcript-v1".getBytes(StandardCharsets.US_ASCII);

    private final Hash hash;
    private final Digest digest;
    private boolean finished;

    private Transcript(Hash hash) {
        this.hash = hash;
        this.digest = hash.newDigest();
    }

    /** A transcript for a proof by {@code prover} in {@code session}, under {@code domain}. */
    public static Transcript forProof(Hash hash, String domain, SessionId session, PartyId prover) {
        Objects.requireNonNull(prover, "prover");
        return start(hash, domain, session, Bytes.minimal(prover.value()));
    }

    /** A transcript bound to a session but to no single prover (e.g. an echo-broadcast digest). */
    public static Transcript forSession(Hash hash, String domain, SessionId session) {
        return start(hash, domain, session, new byte[0]);
    }

    private static Transcript start(Hash hash, String domain, SessionId session, byte[] prover) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(session, "session");
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("empty domain tag");
        }
        Transcript t = new Transcript(hash);
        t.item(VERSION_LABEL, new byte[0]);
        t.append("domain", domain.getBytes(StandardCharsets.UTF_8));
        t.append("session", session.toBytes());
        t.append("prover", prover);
        return t;
    }

    /** Appends a labelled byte string. */
    public Transcript append(String label, byte[] value) {
        Objects.requireNonNull(value, "value");
        item(label.getBytes(StandardCharsets.UTF_8), value);
        return this;
    }

    /** Appends a non-negative integer in minimal unsigned big-endian form. */
    public Transcript append(String label, BigInteger value) {
        return append(label, Bytes.minimal(value));
    }

    /** Appends a 64-bit signed integer (8 bytes, big-endian). */
    public Transcript append(String label, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return append(label, b);
    }

    /** Appends a party identifier. */
    public Transcript append(String label, PartyId id) {
        return append(label, Bytes.minimal(id.value()));
    }

    /** Appends a list: the count as an item, then each element as an item labelled {@code label}. */
    public Transcript append(String label, List<byte[]> values) {
        append(label + "#count", (long) values.size());
        for (byte[] v : values) {
            append(label, v);
        }
        return this;
    }

    private void item(byte[] label, byte[] value) {
        if (finished) {
            throw new IllegalStateException("transcript already finished");
        }
        u32(label.length);
        digest.update(label, 0, label.length);
        u32(value.length);
        digest.update(value, 0, value.length);
    }

    private void u32(int v) {
        digest.update((byte) (v >>> 24));
        digest.update((byte) (v >>> 16));
        digest.update((byte) (v >>> 8));
        digest.update((byte) v);
    }

    /** The hash of the encoding; finishes the transcript. */
    public byte[] digest() {
        if (finished) {
            throw new IllegalStateException("transcript already finished");
        }
        finished = true;
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * A challenge scalar in {@code [0, q)}; finishes the transcript. Output block {@code i} is
     * {@code H("openwaas-challenge" ‖ u32(i) ‖ digest)}; enough blocks are concatenated for
     * {@code |q| + 128} bits, and the big-endian integer is reduced mod {@code q}.
     */
    public BigInteger challenge(BigInteger q) {
        byte[] d = digest();
        int need = (q.bitLength() + 128 + 7) / 8;
        byte[] wide = new byte[need];
        byte[] tag = "openwaas-challenge".getBytes(StandardCharsets.US_ASCII);
        int off = 0;
        for (int i = 0; off < need; i++) {
            Digest h = hash.newDigest();
            h.update(tag, 0, tag.length);
            h.update((byte) (i >>> 24));
            h.update((byte) (i >>> 16));
            h.update((byte) (i >>> 8));
            h.update((byte) i);
            h.update(d, 0, d.length);
            byte[] block = new byte[h.getDigestSize()];
            h.doFinal(block, 0);
            int n = Math.min(block.length, need - off);
            System.arraycopy(block, 0, wide, off, n);
            off += n;
        }
        return new BigInteger(1, wide).mod(q);
    }
}
