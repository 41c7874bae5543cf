package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.RingPedersenParams;
import io.openwaas.mpc.zk.RingPedersenProof;
import io.openwaas.mpc.zk.RingPedersenSecret;
import java.math.BigInteger;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The owner's side of its {@link AuxSetup}: the public setup it sends to peers ({@link #setup()}) and the
 * ring-Pedersen trapdoor (factorisation of {@code N̂} and {@code λ} with {@code s = t^λ}). The owner passes it to
 * its own key generations, refreshes and pair setups; P1 shares get a <em>copy</em> of the trapdoor to verify
 * Π^aff-R by the CRT in proved signing.
 *
 * <p>Encoding (type {@code 0x1242}, version 1): {@code owner ‖ setup session ‖ p ‖ q ‖ s ‖ t ‖ λ ‖ Π^prm}. It
 * contains secrets: tss-service stores it encrypted, like a key share. {@link #parse} re-checks {@code s = t^λ}.
 * Never printed.
 */
public final class AuxSetupSecret implements Destroyable {

    static final int TYPE = 0x1242;
    static final int VERSION = 1;

    private final AuxSetup setup;
    private final RingPedersenSecret secret;

    AuxSetupSecret(AuxSetup setup, RingPedersenSecret secret) {
        this.setup = Objects.requireNonNull(setup);
        this.secret = Objects.requireNonNull(secret);
        if (!setup.params().equals(secret.params())) {
            throw new IllegalArgumentException("aux setup and trapdoor differ");
        }
    }

    /** The public setup to send to every peer of the setup session. */
    public AuxSetup setup() {
        return setup;
    }

    public PartyId owner() {
        return setup.owner();
    }

    public SessionId session() {
        return setup.session();
    }

    public RingPedersenParams params() {
        return setup.params();
    }

    /** The owner's own setup as a verified value (the owner trusts what it made). */
    public VerifiedAuxSetup verified() {
        return new VerifiedAuxSetup(setup.owner(), setup.session(), setup.params());
    }

    /** An independent copy of the trapdoor (destroying it does not destroy this object's). */
    RingPedersenSecret trapdoorCopy() {
        PaillierPrivateKey k = secret.key();
        return RingPedersenSecret.of(PaillierPrivateKey.of(k.p(), k.q()), secret.params(), secret.lambda());
    }

    /** The modulus {@code N̂}. */
    BigInteger modulus() {
        return setup.params().modulus();
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(setup.owner()).writeSessionId(setup.session());
        secret.key().write(w);
        w.writeBigInteger(setup.params().s()).writeBigInteger(setup.params().t()).writeBigInteger(secret.lambda());
        setup.proof().write(w);
        return w.toBytes();
    }

    /** Decodes a stored secret and re-checks {@code s = t^λ} on the stored key. */
    public static AuxSetupSecret parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId owner = r.readPartyId();
        SessionId session = r.readSessionId();
        PaillierPrivateKey key = PaillierPrivateKey.read(r);
        BigInteger s = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger t = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        BigInteger lambda = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS);
        RingPedersenProof proof = RingPedersenProof.read(r);
        r.finish();
        try {
            RingPedersenParams params = new RingPedersenParams(key.publicKey().modulus(), s, t);
            return new AuxSetupSecret(new AuxSetup(owner, session, params, proof),
                    RingPedersenSecret.of(key, params, lambda));
        } catch (IllegalArgumentException e) {
            key.destroy();
            throw new WireFormatException("inconsistent aux setup secret: " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "AuxSetupSecret[" + setup.owner() + ", " + setup.session() + ", secrets redacted]";
    }
}
