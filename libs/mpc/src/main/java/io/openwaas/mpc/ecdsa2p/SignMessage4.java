package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.AffineSignProof;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Signing message 4, P2 → P1: {@code c3 = c_key^{b} · Enc(a + ρ·q)} with {@code b = k2^{-1}·r},
 * {@code a = k2^{-1}(m + r·(x2 + t))} (Lindell17 §3 signing, step 4, additive variant), and in
 * {@link SignContext.Mode#PROVED} mode the proof Π^aff-R. Encoding: type {@code 0x1214}, version 1,
 * {@code header ‖ c3 ‖ hasProof ‖ [proof]}.
 */
public final class SignMessage4 implements ProtocolMessage {

    static final int TYPE = 0x1214;
    static final int ROUND = 4;

    private final MessageHeader header;
    private final BigInteger c3;
    private final AffineSignProof proof;

    SignMessage4(MessageHeader header, BigInteger c3, AffineSignProof proof) {
        this.header = header;
        this.c3 = c3;
        this.proof = proof;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    BigInteger c3() {
        return c3;
    }

    Optional<AffineSignProof> proof() {
        return Optional.ofNullable(proof);
    }

    /** Envelope, {@code c3 ∈ Z*_{N²}}, and a proof present exactly in proved mode (verified by the round). */
    public void validate(MessageContext ctx, SignContext sc, PaillierPublicKey pk) {
        header.validate(ctx);
        if (!pk.isValidCiphertext(c3)) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.OUT_OF_RANGE, sender(), "c3 not in Z*_{N²}");
        }
        if ((proof != null) != (sc.mode() == SignContext.Mode.PROVED)) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.PROTOCOL_VIOLATION, sender(),
                    "proof presence does not match the signing mode");
        }
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 1);
        header.write(w);
        w.writeBigInteger(c3).writeBoolean(proof != null);
        if (proof != null) {
            proof.write(w);
        }
        return w.toBytes();
    }

    public static SignMessage4 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 1);
        MessageHeader h = MessageHeader.read(r);
        BigInteger c3 = r.readBigInteger(2 * PaillierPublicKey.MAX_MODULUS_BITS);
        AffineSignProof p = r.readBoolean() ? AffineSignProof.read(r, Ecdsa2p.GROUP) : null;
        r.finish();
        return new SignMessage4(h, c3, p);
    }

    /** A copy with another ciphertext (malicious-party simulation in tests). */
    SignMessage4 withC3(BigInteger other) {
        return new SignMessage4(header, other, proof);
    }
}
