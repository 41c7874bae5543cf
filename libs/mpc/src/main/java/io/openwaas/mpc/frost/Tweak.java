package io.openwaas.mpc.frost;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A public additive tweak of the group key (draft BIP 445 "Tweaking"; BIP-327 semantics).
 *
 * <p>{@code xonly = false}: a plain tweak {@code Q' = Q + t·G} — the accumulated BIP-32 / Cobo-ed25519 tweak of a
 * non-hardened derivation path, as returned by libs/crypto {@code ExtendedPublicKey.deriveWithTweak(path).tweak()}.
 * {@code xonly = true} (BIP340 only): an x-only tweak {@code Q' = (Q with even Y) + t·G}, e.g. the BIP-341 TapTweak.
 */
public record Tweak(BigInteger value, boolean xonly) {

    public Tweak {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("tweak out of range");
        }
    }

    /** A plain (HD) tweak. */
    public static Tweak plain(BigInteger t) {
        return new Tweak(t, false);
    }

    /** An x-only (Taproot) tweak. */
    public static Tweak xonly(BigInteger t) {
        return new Tweak(t, true);
    }
}
