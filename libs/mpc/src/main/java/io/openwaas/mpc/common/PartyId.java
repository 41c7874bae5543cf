package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The identifier of one party of a threshold protocol: a positive integer that is also the party's
 * Shamir evaluation point ({@code x} in {@code f(x)}), as in RFC 9591 §2 ("identifier") and the FROST
 * paper.
 *
 * <p>An identifier is any integer in {@code [1, 2^264)} ({@link #MAX_BITS}); it is <em>not</em> reduced on
 * construction, so that a malicious or buggy peer announcing {@code q} or {@code 2q} is visible. Before an
 * identifier is used with a group of order {@code q}, {@link #validate(BigInteger)} (one party) or
 * {@link #validateSet(Collection, BigInteger)} (a whole holder set) must accept it: identifiers
 * {@code ≡ 0 (mod q)} would make a share equal to the secret ({@code f(0)}), and two identifiers equal
 * mod {@code q} would receive the same share (threat checklist line 8, "Shamir index 0 / mod-q wrap").
 * The same checks run at DKG and at reshare.
 *
 * <p>Wire form: {@link WireWriter#writePartyId(PartyId)} (minimal unsigned big-endian, length-prefixed).
 * For RFC 9591 hashing, {@link #toScalarBytes(BigInteger, int)} gives the fixed-length scalar encoding.
 */
public final class PartyId implements Comparable<PartyId> {

    /** Identifiers above this bound are rejected outright (keeps encodings small and bounded). */
    public static final int MAX_BITS = 264;

    private final BigInteger value;

    private PartyId(BigInteger value) {
        this.value = value;
    }

    /** The identifier {@code value} (must be ≥ 1). */
    public static PartyId of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /** The identifier {@code value} (must be ≥ 1 and below {@code 2^MAX_BITS}). */
    public static PartyId of(BigInteger value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("party id must be positive");
        }
        if (value.bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("party id too large");
        }
        return new PartyId(value);
    }

    /** The integer value, unreduced. */
    public BigInteger value() {
        return value;
    }

    /** The identifier as a scalar mod {@code q}. Call {@link #validate(BigInteger)} first. */
    public BigInteger toScalar(BigInteger q) {
        return value.mod(q);
    }

    /** The scalar mod {@code q} as a fixed-length big-endian byte string of {@code length} bytes. */
    public byte[] toScalarBytes(BigInteger q, int length) {
        return Bytes.fixed(toScalar(q), length);
    }

    /** Little-endian variant of {@link #toScalarBytes(BigInteger, int)} (ed25519 scalar encoding). */
    public byte[] toScalarBytesLE(BigInteger q, int length) {
        return Bytes.reverse(Bytes.fixed(toScalar(q), length));
    }

    /**
     * Checks that this identifier is usable in a group of order {@code q}.
     *
     * @throws IllegalArgumentException if {@code id ≡ 0 (mod q)}
     */
    public void validate(BigInteger q) {
        if (value.mod(q).signum() == 0) {
            throw new IllegalArgumentException("party id " + this + " is 0 mod q");
        }
    }

    /**
     * Checks a whole set of identifiers against a group of order {@code q}: each non-zero mod q and no two
     * equal mod q.
     *
     * @throws IllegalArgumentException naming the offending identifier(s)
     */
    public static void validateSet(Collection<PartyId> ids, BigInteger q) {
        Objects.requireNonNull(ids, "ids");
        Map<BigInteger, PartyId> seen = new HashMap<>();
        for (PartyId id : ids) {
            Objects.requireNonNull(id, "party id");
            id.validate(q);
            PartyId previous = seen.put(id.toScalar(q), id);
            if (previous != null) {
                throw new IllegalArgumentException("party ids " + previous + " and " + id + " are equal mod q");
            }
        }
    }

    @Override
    public int compareTo(PartyId o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartyId p && p.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Decimal form, e.g. {@code P3}; identifiers are public. */
    @Override
    public String toString() {
        return "P" + value;
    }
}
