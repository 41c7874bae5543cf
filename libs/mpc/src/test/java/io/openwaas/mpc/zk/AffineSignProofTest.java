package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkFixtures.OTHER;
import static io.openwaas.mpc.zk.ZkFixtures.PROVER;
import static io.openwaas.mpc.zk.ZkFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AffineSignProofTest {

    private static final Secp256k1 G = Secp256k1.GROUP;
    private static final int Y_BITS = 1153;
    private static PaillierPublicKey pk;
    private static RingPedersenSecret rp;
    private static SessionId session;
    private static BigInteger c;
    private static EcPoint bigR;
    private static BigInteger b;
    private static BigInteger y;
    private static BigInteger d;
    private static BigInteger u;
    private static AffineSignProof proof;

    @BeforeAll
    static void prove() {
        // the verifier owns both the Paillier key and the ring-Pedersen parameters (as P1 does in signing)
        rp = RingPedersenSecret.random(ZkFixtures.proverKey(), RND);
        pk = ZkFixtures.proverKey().publicKey();
        session = SessionId.random();
        c = pk.encrypt(G.randomScalar(RND));
        BigInteger k = G.randomScalar(RND);
        bigR = G.mulBase(k);
        b = G.randomScalar(RND);
        y = new BigInteger(Y_BITS - 1, RND);
        u = pk.randomUnit(RND);
        d = pk.add(pk.multiply(c, b), pk.encrypt(y, u));
        proof = AffineSignProof.prove(pk, c, d, G, bigR, bigR.multiply(b), bigR.multiply(y), b, y, u, Y_BITS,
                rp.params(), session, PROVER, RND);
    }

    @Test
    void honestProofVerifiesAndSurvivesEncoding() {
        proof.verify(pk, c, d, G, bigR, bigR.multiply(b), bigR.multiply(y), Y_BITS, rp, session, PROVER);
        ZkFixtures.roundTrip(proof, AffineSignProof::write, r -> AffineSignProof.read(r, G))
                .verify(pk, c, d, G, bigR, bigR.multiply(b), bigR.multiply(y), Y_BITS, rp, session, PROVER);
    }

    @Test
    void line3_addendOutOfRangeIsRejected() {
        BigInteger bigY = y.add(BigInteger.ONE.shiftLeft(Y_BITS + ZkParameters.EPSILON + 8).multiply(G.order()));
        BigInteger d2 = pk.add(pk.multiply(c, b), pk.encrypt(bigY, u));
        AffineSignProof forged = AffineSignProof.prove(pk, c, d2, G, bigR, bigR.multiply(b), bigR.multiply(bigY), b,
                bigY, u, Y_BITS, rp.params(), session, PROVER, RND);
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> forged.verify(pk, c, d2, G, bigR,
                bigR.multiply(b), bigR.multiply(bigY), Y_BITS, rp, session, PROVER));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void wrongGroupCommitmentsOrCiphertextAreRejected() {
        EcPoint bb = bigR.multiply(b);
        EcPoint yy = bigR.multiply(y);
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, d, G, bigR, bb.add(G.generator()), yy, Y_BITS, rp, session, PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, d, G, bigR, bb, yy.add(G.generator()), Y_BITS, rp, session, PROVER));
        BigInteger d3 = pk.add(d, pk.encrypt(BigInteger.ONE));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, d3, G, bigR, bb, yy, Y_BITS, rp, session, PROVER));
    }

    @Test
    void line7_and_line16_sessionAndProverAreBound() {
        EcPoint bb = bigR.multiply(b);
        EcPoint yy = bigR.multiply(y);
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, d, G, bigR, bb, yy, Y_BITS, rp, SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, d, G, bigR, bb, yy, Y_BITS, rp, session, OTHER));
    }
}
