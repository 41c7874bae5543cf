package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.zk.InvalidProofException;
import io.openwaas.mpc.zk.RingPedersenParams;
import java.util.Arrays;
import java.util.Objects;

/**
 * A peer's {@link AuxSetup} after this party verified it ({@link AuxSetup#verify}) — or the party's own setup
 * ({@link AuxSetupSecret#verified()}): owner, setup session and ring-Pedersen parameters, without the proof. Key
 * generation ({@link KeygenRound1}, {@link KeygenRound2}), the pairwise setups ({@link SetupRound1},
 * {@link SetupRound2}, {@link TwoOfThree}) and {@link Refresh} take this value and do not prove or verify
 * ring-Pedersen parameters themselves.
 *
 * <p>Instances come only from a successful verification, from the owner's secret, or from {@link #parse} of what
 * tss-service stored after a verification: storage must therefore be integrity-protected (as for key shares);
 * {@link #parse} re-checks the parameters' form but not Π^prm (keep the {@link AuxSetup} too if re-verification
 * on load is wanted).
 *
 * <p>{@link #fingerprint()} is {@code SHA-256(domain, setup session, owner, N̂, s, t)}; P2's key-generation and
 * setup messages carry the fingerprints of both setups in use so that both parties agree on them.
 *
 * <p>Encoding (type {@code 0x1243}, version 1): {@code owner ‖ setup session ‖ N̂ ‖ s ‖ t}. Public. Immutable.
 */
public final class VerifiedAuxSetup {

    static final int TYPE = 0x1243;
    static final int VERSION = 1;
    static final int FINGERPRINT_LENGTH = 32;

    private final PartyId owner;
    private final SessionId session;
    private final RingPedersenParams params;
    private final byte[] fingerprint;

    VerifiedAuxSetup(PartyId owner, SessionId session, RingPedersenParams params) {
        this.owner = Objects.requireNonNull(owner);
        this.session = Objects.requireNonNull(session);
        this.params = Objects.requireNonNull(params);
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA256, "openwaas/ecdsa2p/aux-fingerprint/v1", session,
                owner);
        params.appendTo(tr, "rp");
        this.fingerprint = tr.digest();
    }

    public PartyId owner() {
        return owner;
    }

    /** The setup session the parameters were proven in. */
    public SessionId session() {
        return session;
    }

    public RingPedersenParams params() {
        return params;
    }

    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    boolean hasFingerprint(byte[] other) {
        return java.security.MessageDigest.isEqual(fingerprint, other);
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(owner).writeSessionId(session);
        params.write(w);
        return w.toBytes();
    }

    /** Decodes a stored verified setup (see the class comment: storage is trusted) and re-checks the form. */
    public static VerifiedAuxSetup parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId owner = r.readPartyId();
        SessionId session = r.readSessionId();
        RingPedersenParams params = RingPedersenParams.read(r);
        r.finish();
        try {
            params.validate();
        } catch (InvalidProofException e) {
            throw new WireFormatException("stored aux setup: " + e.getMessage());
        }
        return new VerifiedAuxSetup(owner, session, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedAuxSetup v && Arrays.equals(fingerprint, v.fingerprint);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "VerifiedAuxSetup[" + owner + ", " + session + "]";
    }
}
