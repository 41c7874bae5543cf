package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.Points;
import io.openwaas.mpc.zk.RingPedersenParams;
import java.math.BigInteger;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * P2's share of a two-party ECDSA key (Lindell17 "P2"): the additive share {@code x2}, P1's verified Paillier
 * public key and {@code c_key = Enc(x1)}, and P1's ring-Pedersen parameters from P1's verified {@link AuxSetup}
 * (for the proved last message).
 *
 * <p>Encoding (type {@code 0x1232}, version 2): {@code self ‖ peer ‖ Q ‖ Q1 ‖ Q2 ‖ x2 ‖ N1 ‖ N̂1 ‖ s1 ‖ t1 ‖ c_key}
 * (version 1, with {@code N̂1 = N1} implied, is no longer read).
 * Contains the secret {@code x2}: store encrypted. {@link #parse} re-checks {@code x2·G = Q2} and
 * {@code Q1 + Q2 = Q}.
 */
public final class P2KeyShare implements Destroyable {

    static final int TYPE = 0x1232;
    static final int VERSION = 2;

    private final PartyId self;
    private final PartyId peer;
    private final EcPoint publicKey;
    private final EcPoint q1;
    private final EcPoint q2;
    private final SecretScalar x2;
    private final PaillierPublicKey peerPaillier;
    private final RingPedersenParams peerRingPedersen;
    private final BigInteger cKey;

    P2KeyShare(PartyId self, PartyId peer, EcPoint q1, EcPoint q2, SecretScalar x2, PaillierPublicKey peerPaillier,
               RingPedersenParams peerRingPedersen, BigInteger cKey) {
        this.self = Objects.requireNonNull(self);
        this.peer = Objects.requireNonNull(peer);
        this.q1 = q1;
        this.q2 = q2;
        this.publicKey = q1.add(q2);
        this.x2 = x2;
        this.peerPaillier = peerPaillier;
        this.peerRingPedersen = peerRingPedersen;
        this.cKey = cKey;
        if (publicKey.isIdentity()) {
            throw new IllegalArgumentException("public key is the identity");
        }
    }

    public PartyId self() {
        return self;
    }

    public PartyId peer() {
        return peer;
    }

    public EcPoint publicKey() {
        return publicKey;
    }

    public EcPoint q1() {
        return q1;
    }

    public EcPoint q2() {
        return q2;
    }

    SecretScalar x2() {
        return x2;
    }

    public PaillierPublicKey peerPaillier() {
        return peerPaillier;
    }

    public RingPedersenParams peerRingPedersen() {
        return peerRingPedersen;
    }

    public BigInteger cKey() {
        return cKey;
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(self).writePartyId(peer).writeFixed(publicKey.encode()).writeFixed(q1.encode())
                .writeFixed(q2.encode()).writeSecret(x2);
        peerPaillier.write(w);
        w.writeBigInteger(peerRingPedersen.modulus()).writeBigInteger(peerRingPedersen.s()).writeBigInteger(peerRingPedersen.t()).writeBigInteger(cKey);
        return w.toBytes();
    }

    public static P2KeyShare parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId self = r.readPartyId();
        PartyId peer = r.readPartyId();
        EcPoint q = Points.read(r, Ecdsa2p.GROUP);
        EcPoint q1 = Points.read(r, Ecdsa2p.GROUP);
        EcPoint q2 = Points.read(r, Ecdsa2p.GROUP);
        SecretScalar x2 = r.readSecret(Ecdsa2p.GROUP.order());
        PaillierPublicKey pk = PaillierPublicKey.read(r);
        BigInteger nHat = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger s = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger t = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger cKey = r.readBigInteger(2 * PaillierPublicKey.MAX_MODULUS_BITS);
        r.finish();
        if (!Ecdsa2p.GROUP.mulBase(x2.value()).equals(q2) || !q1.add(q2).equals(q)
                || !pk.isValidCiphertext(cKey) || nHat.signum() == 0) {
            x2.destroy();
            throw new WireFormatException("inconsistent P2 key share");
        }
        return new P2KeyShare(self, peer, q1, q2, x2, pk, new RingPedersenParams(nHat, s, t), cKey);
    }

    @Override
    public void destroy() {
        x2.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return x2.isDestroyed();
    }

    @Override
    public String toString() {
        return "P2KeyShare[" + self + " with " + peer + ", secret redacted]";
    }
}
