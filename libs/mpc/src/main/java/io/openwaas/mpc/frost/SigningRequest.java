package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.schnorr.Taproot;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.dkg.GroupKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is to be signed, identical at every signer and at the aggregator: scheme, session id (fresh per signature),
 * the signer set, the message and the tweaks (HD and/or Taproot). Its {@link #digest(GroupKey)} is carried in every
 * commitment, so signers that were given different requests abort instead of signing.
 *
 * <p>Messages: for {@link FrostScheme#ED25519} the message itself (RFC 8032 signs the message, not a hash); for
 * {@link FrostScheme#BIP340} usually a 32-byte sighash (BIP-340 allows any length).
 */
public record SigningRequest(FrostScheme scheme, SessionId session, List<PartyId> signers, byte[] message,
                             List<Tweak> tweaks) {

    public SigningRequest {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(session, "session");
        signers = List.copyOf(Groups.sorted(signers));
        message = message.clone();
        tweaks = List.copyOf(tweaks);
        PartyId.validateSet(signers, scheme.group().order());
        if (scheme != FrostScheme.BIP340 && tweaks.stream().anyMatch(Tweak::xonly)) {
            throw new IllegalArgumentException("x-only tweaks exist only for BIP340");
        }
        if (scheme == FrostScheme.BIP340) {
            for (PartyId p : signers) {
                if (p.value().bitLength() > 32) {
                    throw new IllegalArgumentException("BIP 445 identifiers must be below 2^32");
                }
            }
        }
    }

    /** A request without tweaks. */
    public static SigningRequest of(FrostScheme scheme, SessionId session, List<PartyId> signers, byte[] message) {
        return new SigningRequest(scheme, session, signers, message, List.of());
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /**
     * The BIP-341 key-path tweak list for a key: the optional HD tweak (plain), then the TapTweak (x-only) of the
     * resulting internal key with {@code merkleRoot} (null or empty for a key-path-only output, BIP-86).
     */
    public static List<Tweak> taproot(GroupKey key, BigInteger hdTweak, byte[] merkleRoot) {
        List<Tweak> l = new ArrayList<>();
        Secp256k1Point internal = (Secp256k1Point) key.publicKey();
        if (hdTweak != null && hdTweak.signum() != 0) {
            l.add(Tweak.plain(hdTweak));
            internal = internal.add(key.group().generator().multiply(hdTweak));
        }
        l.add(Tweak.xonly(Taproot.tweak(internal.xOnly(), merkleRoot)));
        return l;
    }

    /** The canonical digest of this request for {@code key} (binds the key id, hence the sharing epoch). */
    public byte[] digest(GroupKey key) {
        Transcript t = Transcript.forSession(Transcript.Hash.SHA256, "openwaas/frost/request/v1", session)
                .append("scheme", (long) scheme.code())
                .append("key-id", key.keyId())
                .append("group-key", key.publicKey().encode());
        for (PartyId p : signers) {
            t.append("signer", p);
        }
        t.append("message", message);
        for (Tweak tw : tweaks) {
            t.append("tweak", tw.value()).append("tweak-xonly", tw.xonly() ? 1L : 0L);
        }
        return t.digest();
    }

    /** For the RFC 9591 schemes: the sum of the (plain) tweaks mod q. */
    BigInteger plainTweakSum() {
        BigInteger q = scheme.group().order();
        BigInteger s = BigInteger.ZERO;
        for (Tweak t : tweaks) {
            s = s.add(t.value());
        }
        return s.mod(q);
    }

    /** For the RFC 9591 schemes: {@code Y + t·G}. */
    EcPoint tweakedKey(GroupKey key) {
        BigInteger t = plainTweakSum();
        return t.signum() == 0 ? key.publicKey() : key.publicKey().add(scheme.group().generator().multiply(t));
    }

    /** For BIP340: 32-byte big-endian tweak values and their x-only flags. */
    List<byte[]> tweakBytes() {
        List<byte[]> l = new ArrayList<>();
        for (Tweak t : tweaks) {
            l.add(io.openwaas.mpc.common.Bytes.fixed(t.value(), 32));
        }
        return l;
    }

    List<Boolean> tweakFlags() {
        List<Boolean> l = new ArrayList<>();
        tweaks.forEach(t -> l.add(t.xonly()));
        return l;
    }
}
