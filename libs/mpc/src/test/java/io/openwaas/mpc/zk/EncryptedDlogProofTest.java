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

class EncryptedDlogProofTest {

    private static final Secp256k1 G = Secp256k1.GROUP;
    private static PaillierPublicKey pk;
    private static RingPedersenParams rp;
    private static SessionId session;
    private static BigInteger x;
    private static BigInteger c;
    private static EcPoint bigX;
    private static EncryptedDlogProof proof;

    @BeforeAll
    static void prove() {
        pk = ZkFixtures.proverKey().publicKey();
        rp = ZkFixtures.verifierRp().params();
        session = SessionId.random();
        x = G.randomScalar(RND);
        BigInteger rho = pk.randomUnit(RND);
        c = pk.encrypt(x, rho);
        bigX = G.mulBase(x);
        proof = EncryptedDlogProof.prove(pk, c, G, G.generator(), bigX, x, rho, rp, session, PROVER, RND);
    }

    @Test
    void honestProofVerifiesAndSurvivesEncoding() {
        proof.verify(pk, c, G, G.generator(), bigX, rp, session, PROVER);
        ZkFixtures.roundTrip(proof, EncryptedDlogProof::write, r -> EncryptedDlogProof.read(r, G))
                .verify(pk, c, G, G.generator(), bigX, rp, session, PROVER);
    }

    @Test
    void line3_plaintextOutOfRangeIsRejected() {
        // x' = x + 2^900·q has the same discrete log but lies far outside ±2^(ℓ+ε)
        BigInteger big = x.add(BigInteger.ONE.shiftLeft(900).multiply(G.order()));
        BigInteger rho = pk.randomUnit(RND);
        BigInteger cBig = pk.encrypt(big, rho);
        EncryptedDlogProof forged = EncryptedDlogProof.prove(pk, cBig, G, G.generator(), bigX, big, rho, rp, session,
                PROVER, RND);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> forged.verify(pk, cBig, G, G.generator(), bigX, rp, session, PROVER));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void ciphertextOfAnotherValueIsRejected() {
        BigInteger other = pk.encrypt(x.add(BigInteger.ONE));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, other, G, G.generator(), bigX, rp, session, PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, G, G.generator(), bigX.add(G.generator()), rp, session, PROVER));
    }

    @Test
    void line7_and_line16_publicInputsSessionAndProverAreBound() {
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, G, G.generator(), bigX, rp, SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, G, G.generator(), bigX, rp, session, OTHER));
        RingPedersenParams swapped = new RingPedersenParams(rp.modulus(), rp.t(), rp.s());
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, G, G.generator(), bigX, swapped, session, PROVER));
        EcPoint otherBase = G.generator().multiply(BigInteger.TWO);
        assertThrows(InvalidProofException.class,
                () -> proof.verify(pk, c, G, otherBase, bigX, rp, session, PROVER));
    }
}
