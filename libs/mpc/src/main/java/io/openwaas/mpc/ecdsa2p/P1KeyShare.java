package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.Points;
import io.openwaas.mpc.zk.RingPedersenParams;
import io.openwaas.mpc.zk.RingPedersenSecret;
import java.math.BigInteger;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * P1's share of a two-party ECDSA key (Lindell17 "P1"): the additive share {@code x1} ({@code Q = Q1 + Q2},
 * {@code Q1 = x1·G}), the Paillier private key whose public half encrypts {@code x1} as {@code c_key}, a copy of
 * the ring-Pedersen trapdoor of P1's {@link AuxSetup} (P1 verifies P2's proved last message under those parameters,
 * by the CRT), and the {@link FreezeLatch}.
 *
 * <p>Encoding (type {@code 0x1231}, version 2): {@code self ‖ peer ‖ Q ‖ Q1 ‖ Q2 ‖ x1 ‖ p ‖ q ‖ p̂ ‖ q̂ ‖ s ‖ t ‖ λ ‖
 * c_key ‖ frozen ‖ [reason]} ({@code p, q}: the Paillier key; {@code p̂, q̂, s, t, λ}: the aux trapdoor). Version 1
 * (ring-Pedersen on the Paillier modulus, before aux setups) is no longer read. It contains secrets: tss-service
 * stores it encrypted, and must store it again after a terminal abort (the frozen flag is part of the encoding).
 * {@link #parse} re-checks {@code x1·G = Q1}, {@code Q1 + Q2 = Q}, {@code c_key} decrypts to {@code x1}, and
 * {@code s = t^λ}.
 */
public final class P1KeyShare implements Destroyable {

    static final int TYPE = 0x1231;
    static final int VERSION = 2;

    private final PartyId self;
    private final PartyId peer;
    private final EcPoint publicKey;
    private final EcPoint q1;
    private final EcPoint q2;
    private final SecretScalar x1;
    private final PaillierPrivateKey paillier;
    private final RingPedersenSecret ringPedersen;
    private final BigInteger cKey;
    private final FreezeLatch latch;

    P1KeyShare(PartyId self, PartyId peer, EcPoint q1, EcPoint q2, SecretScalar x1, PaillierPrivateKey paillier,
               RingPedersenSecret ringPedersen, BigInteger cKey, FreezeLatch latch) {
        this.self = Objects.requireNonNull(self);
        this.peer = Objects.requireNonNull(peer);
        this.q1 = q1;
        this.q2 = q2;
        this.publicKey = q1.add(q2);
        this.x1 = x1;
        this.paillier = Objects.requireNonNull(paillier);
        this.ringPedersen = Objects.requireNonNull(ringPedersen);
        this.cKey = cKey;
        this.latch = Objects.requireNonNull(latch);
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

    /** The joint public key {@code Q}. */
    public EcPoint publicKey() {
        return publicKey;
    }

    public EcPoint q1() {
        return q1;
    }

    public EcPoint q2() {
        return q2;
    }

    SecretScalar x1() {
        return x1;
    }

    PaillierPrivateKey paillierKey() {
        return paillier;
    }

    /** The trapdoor of P1's aux setup (verifier's parameters of Π^aff-R). */
    RingPedersenSecret ringPedersen() {
        return ringPedersen;
    }

    /** P1's ring-Pedersen parameters (from its aux setup). */
    public RingPedersenParams ringPedersenParams() {
        return ringPedersen.params();
    }

    public PaillierPublicKey paillierPublicKey() {
        return paillier.publicKey();
    }

    public BigInteger cKey() {
        return cKey;
    }

    /** The freeze state (CVE-2023-33242 terminal abort). */
    public FreezeLatch freezeState() {
        return latch;
    }

    public boolean isFrozen() {
        return latch.isFrozen();
    }

    /** The same share reporting to {@code other} (used when a 2-of-3 holder re-links its pair shares). */
    P1KeyShare withLatch(FreezeLatch other) {
        return new P1KeyShare(self, peer, q1, q2, x1, paillier, ringPedersen, cKey, other);
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(self).writePartyId(peer).writeFixed(publicKey.encode()).writeFixed(q1.encode())
                .writeFixed(q2.encode()).writeSecret(x1);
        paillier.write(w);
        ringPedersen.key().write(w);
        w.writeBigInteger(ringPedersen.params().s()).writeBigInteger(ringPedersen.params().t())
                .writeBigInteger(ringPedersen.lambda()).writeBigInteger(cKey);
        w.writeBoolean(latch.isFrozen());
        if (latch.isFrozen()) {
            w.writeString(latch.reason().orElse("frozen"));
        }
        return w.toBytes();
    }

    /** Decodes and re-validates a stored share. */
    public static P1KeyShare parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId self = r.readPartyId();
        PartyId peer = r.readPartyId();
        EcPoint q = Points.read(r, Ecdsa2p.GROUP);
        EcPoint q1 = Points.read(r, Ecdsa2p.GROUP);
        EcPoint q2 = Points.read(r, Ecdsa2p.GROUP);
        SecretScalar x1 = r.readSecret(Ecdsa2p.GROUP.order());
        PaillierPrivateKey key = PaillierPrivateKey.read(r);
        PaillierPrivateKey auxKey = PaillierPrivateKey.read(r);
        BigInteger s = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger t = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger lambda = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger cKey = r.readBigInteger(2 * PaillierPublicKey.MAX_MODULUS_BITS);
        FreezeLatch latch = r.readBoolean() ? FreezeLatch.frozen(r.readString(1024)) : new FreezeLatch();
        r.finish();
        try {
            RingPedersenSecret rp = RingPedersenSecret.of(auxKey,
                    new RingPedersenParams(auxKey.publicKey().modulus(), s, t), lambda);
            if (!Ecdsa2p.GROUP.mulBase(x1.value()).equals(q1) || !q1.add(q2).equals(q)) {
                throw new IllegalArgumentException("x1·G ≠ Q1 or Q1 + Q2 ≠ Q");
            }
            if (!key.publicKey().isValidCiphertext(cKey) || !key.decrypt(cKey).equals(x1.value())) {
                throw new IllegalArgumentException("c_key does not encrypt x1");
            }
            return new P1KeyShare(self, peer, q1, q2, x1, key, rp, cKey, latch);
        } catch (IllegalArgumentException e) {
            x1.destroy();
            key.destroy();
            auxKey.destroy();
            throw new WireFormatException("inconsistent P1 key share: " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        x1.destroy();
        paillier.destroy();
        ringPedersen.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return x1.isDestroyed();
    }

    @Override
    public String toString() {
        return "P1KeyShare[" + self + " with " + peer + ", " + latch + ", secrets redacted]";
    }
}
