package io.openwaas.mpc.paillier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.mpc.common.WireFormatException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PaillierTest {

    /*
     * Known-answer vector. p and q are the first primes ≡ 3 (mod 4) at or above SHA-512-derived 1024-bit seeds
     * (top two bits set); M, R are SHA-derived. C = (1 + M·N)·R^N mod N² and CK = C^K mod N² were computed
     * independently with Python's built-in pow() from the textbook formulas (Paillier 1999 §3), not with this code.
     */
    private static final BigInteger P = new BigInteger("daf547c4dcd4bf917be3102c706e93cf00a854a6bd067a2df90adbe02c09d5e613e232f740ba61bc537fd9a6e933c18eff3ba3c27a375dac3c86967790494f0afe6edf636d7b06751d8df44814ecd2c1032ff81fa82a10d2c3d9f6535857a4c99bccb1630c5a13a7b9a922e5ed9196bb52f8ca18f75425273904bf89f89dd83b", 16);
    private static final BigInteger Q = new BigInteger("fd537a6e710ac4442a42658ca5f28402b541f9324dd13010b72f9e6901719c9a4b163e48a3cf3e4c22737d49c23c0c74ff2195200c76bc342b231984e9c5d48cee122533d43d0986e65e0bda66a589a2c921ed55678abd2043eaa75cb1435ee99ebad922174195e40b4f04ef529c8753b500c410852686fa663cada4a6cd6a73", 16);
    private static final BigInteger M = new BigInteger("3b0b6ed25435d1f41d7361e9babefb4edaa915482fbf5bdb71bdd5e84c3c56a", 16);
    private static final BigInteger R = new BigInteger("28af8397a4826ac0dc18f948db624ffb16b356e3580e8e3921e52e35687e6e89c7082f2f41ba53ad4da5cd25ff6379473aa34f273b7c55ecd0d9e0b8925a6cf428af8397a4826ac0dc18f948db624ffb16b356e3580e8e3921e52e35687e6e89c7082f2f41ba53ad4da5cd25ff6379473aa34f273b7c55ecd0d9e0b8925a6cf428af8397a4826ac0dc18f948db624ffb16b356e3580e8e3921e52e35687e6e89c7082f2f41ba53ad4da5cd25ff6379473aa34f273b7c55ecd0d9e0b8925a6cf428af8397a4826ac0dc18f948db624ffb16b356e3580e8e3921e52e35687e6e89c7082f2f41ba53ad4da5cd25ff6379473aa34f273b7c55ecd0d9e0b8925a6cf4", 16);
    private static final BigInteger C = new BigInteger("33c0d7e5bd91410e09f2d685f7652d6227566f95fb80c2dadd46f74112914c6a4a49c6c03a470f4aa275b551805d4cb75475cdb0857190703b1ce9b523ddcd1f00bf38014b432f1203a5624d69304cc01e88c145b5065191799c69c5efab757a2a8ac5d381911701af4bcd7b6da5013a0dd0c78f46d6e96cece17cb279ea7740a2551f9c82866a49fdaa0b17bb6ef609e0008a486fc3aa56c418aff0ea7f7347bca6ece64deb99a029cf177d3b10d665b9e70b66050f157d3e10a1439cfd4b29035a8bd63e309ec2edd85b69471e6ad8b5006a932fea05af8ab93bc5d69537074f3a202edd6ac51edef25ec86dc001916c70593e46e2094da0ae7e1cdaaec9d415bf2fe909d708cfb0216d0f17c5eb869a7dfc346a38303b48f2c66ae4087a1a03811da2d68ce5d76117f4fd01ff562c2c05e3b2983b6b39c2af0f7a0513d13d71c5e27503852a07d5c7878b8fb6b8d4d825d811587158308cc9b11d441e6dc0cdffa1f8f08179d8ab5a8a8f7ec1138838626aed0cdc4808c5ee82e9932b8990d4971d59a82ace86e63e3efa176fd30395364a7b1fc3829ac45a65cfd351e8fd3dd6e403f04162bf63d143b12c81dade8a4fa3fe40e740b7294862817341ddea26ae3bd1ad280f8447d3dccc2f286d7bdc9ad1c4e5461deedec08e7a84dc01c988f08c6270ab4b319778367e42e8100a80da6dfd13cb7296abe8e7d409fbbdf1", 16);
    private static final BigInteger K = new BigInteger("12345678901234567890");
    private static final BigInteger CK = new BigInteger("3d13ac97cb5b66bc7fb71debd75376530b5a9065d72dddfe7668dae886e35193044639eb5e2fbac2079e52f066e3f55229dcf7f2cf088add9d0025db799ec8a4c8509b43b1a0f4f66cb6c9691bcd87e58fa8663350866ba8f48cc16b68f84cd1f52a6acc7f0379d3c92dcb33159e4d244d0118a908f4f3e34d8bd85194f82b7fb29c1728c0c810f2f07ffe5914ad97025596b8748f5aed61f34d5d081887691eb9af885d93d906c3494cf0862938a4d44df82ac5795c5759063526d13b67aa83830e491dc8b91cabfac962e51bcf932a944e91990d2e1a7463b0a3956d19849cc094d28464466ed7af4dd2d20a5c399c5316f85c30542b90637bf279c93af75c15ef61e76ccf81ef3bf54a9ad3b2ba805571c3e2de83798a29898591e566eb6dd2249a6ce30bd013d79e23b4abc8fe96707ef6a80e8427b58ca2c03e3fea4447e6a0a08ad4890a8577710dee54bbff41c49e2c50bfa8821a077e0ae66da95b765db2abcbcc5e0def210385a96acbb4a582c591514d43594971209266635d07b1cf4f633ef6254ee58a59393af9abf28738640f8f8ae3f8ee42a1552e2f9aad8f718d1ed87cba7b1b98c77fd96494cc730afdda5568747440bb60a2f54923e46d14f09909174e3effa613477d7cb0dbb92d84e0adebebc0166b2c7c101d1b3f2fb30e2baa72e96a46c1e7fa0131339adc39d91fb5982ebd789e39a56c182c4892", 16);
    private static final BigInteger KM = new BigInteger("278429e1e7e7b120e9496f47391defe36a7b8f03ded9b461fa5ff2d816b89cd4afe029dc42414f4", 16);

    private final SecureRandom rnd = new SecureRandom();

    @Test
    void knownAnswerEncryptDecryptAndScalarMultiply() {
        PaillierPrivateKey sk = PaillierPrivateKey.of(P, Q);
        PaillierPublicKey pk = sk.publicKey();
        assertEquals(P.multiply(Q), pk.modulus());
        assertEquals(C, pk.encrypt(M, R));
        assertEquals(M, sk.decrypt(C));
        assertEquals(CK, pk.multiply(C, K));
        assertEquals(KM, sk.decrypt(CK));
    }

    @Test
    void crtDecryptionAgreesWithTextbookDecryption() {
        PaillierPrivateKey sk = PaillierTestKeys.key(0);
        PaillierPublicKey pk = sk.publicKey();
        BigInteger n = pk.modulus();
        BigInteger n2 = pk.modulusSquared();
        BigInteger lambda = sk.phi(); // φ(N) works as λ for g = N + 1
        BigInteger mu = lambda.modInverse(n);
        for (int i = 0; i < 3; i++) {
            BigInteger m = new BigInteger(2000, rnd);
            BigInteger c = pk.encrypt(m);
            BigInteger textbook = c.modPow(lambda, n2).subtract(BigInteger.ONE).divide(n).multiply(mu).mod(n);
            assertEquals(m, textbook);
            assertEquals(m, sk.decrypt(c));
        }
    }

    @Test
    void homomorphicAdditionAndSignedScalars() {
        PaillierPrivateKey sk = PaillierTestKeys.key(0);
        PaillierPublicKey pk = sk.publicKey();
        BigInteger a = new BigInteger(256, rnd);
        BigInteger b = new BigInteger(256, rnd);
        BigInteger ca = pk.encrypt(a);
        BigInteger cb = pk.encrypt(b);
        assertEquals(a.add(b), sk.decrypt(pk.add(ca, cb)));
        BigInteger k = new BigInteger(300, rnd);
        assertEquals(a.multiply(k), sk.decrypt(pk.multiply(ca, k)));
        assertEquals(a.multiply(k).negate(), sk.decryptSigned(pk.multiply(ca, k.negate())));
        assertEquals(a.negate(), sk.decryptSigned(pk.encrypt(a.negate())));
        BigInteger re = pk.rerandomize(ca, rnd);
        assertFalse(re.equals(ca));
        assertEquals(a, sk.decrypt(re));
    }

    @Test
    void precomputedNoiseEncryptsAndCrtPowerMatchesModPow() {
        PaillierPrivateKey sk = PaillierTestKeys.key(0);
        PaillierPublicKey pk = sk.publicKey();
        PaillierNoise noise = pk.noise(rnd);
        BigInteger m = new BigInteger(300, rnd);
        BigInteger c = pk.encrypt(m, noise);
        assertEquals(pk.encrypt(m, noise.r()), c);
        assertEquals(m, sk.decrypt(c));
        assertFalse(noise.toString().contains(noise.r().toString()));
        assertThrows(IllegalArgumentException.class, () -> pk.encrypt(m, new PaillierNoise(BigInteger.ZERO, c)));
        for (BigInteger e : new BigInteger[] {new BigInteger(800, rnd), pk.modulus(), new BigInteger(256, rnd).negate()}) {
            assertEquals(c.modPow(e, pk.modulusSquared()), sk.powModNSquared(c, e));
        }
    }

    @Test
    void generatedKeysAreBlumWithExactLength() {
        PaillierPrivateKey sk = PaillierTestKeys.key(0);
        assertEquals(2048, sk.publicKey().bits());
        assertEquals(3, sk.p().mod(BigInteger.valueOf(4)).intValue());
        assertEquals(3, sk.q().mod(BigInteger.valueOf(4)).intValue());
        assertEquals(sk.p().bitLength(), sk.q().bitLength());
    }

    @Test
    void rejectsShortEvenOrMalformedModuli() {
        assertThrows(IllegalArgumentException.class, () -> PaillierPublicKey.of(BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE).shiftRight(1)));
        assertThrows(IllegalArgumentException.class, () -> PaillierPublicKey.of(BigInteger.ONE.shiftLeft(2047)));
        assertThrows(IllegalArgumentException.class, () -> PaillierPrivateKey.of(P, P));
        assertThrows(IllegalArgumentException.class, () -> PaillierPrivateKey.of(P, Q.add(BigInteger.TWO)));
        BigInteger p1mod4 = BigInteger.probablePrime(1024, rnd);
        while (p1mod4.testBit(1)) {
            p1mod4 = BigInteger.probablePrime(1024, rnd);
        }
        BigInteger notBlum = p1mod4;
        assertThrows(IllegalArgumentException.class, () -> PaillierPrivateKey.of(notBlum, Q));
        assertThrows(IllegalArgumentException.class, () -> PaillierPrivateKey.random(1024, rnd));
    }

    @Test
    void rejectsInvalidCiphertexts() {
        PaillierPrivateKey sk = PaillierPrivateKey.of(P, Q);
        PaillierPublicKey pk = sk.publicKey();
        assertFalse(pk.isValidCiphertext(BigInteger.ZERO));
        assertFalse(pk.isValidCiphertext(pk.modulusSquared()));
        assertFalse(pk.isValidCiphertext(P.multiply(BigInteger.valueOf(5))));
        assertTrue(pk.isValidCiphertext(C));
        assertThrows(IllegalArgumentException.class, () -> sk.decrypt(P));
        assertThrows(IllegalArgumentException.class, () -> pk.encrypt(M, Q));
    }

    @Test
    void secretsNeverPrintAndDestroyDisablesTheKey() {
        PaillierPrivateKey sk = PaillierPrivateKey.of(P, Q);
        String s = sk.toString();
        assertFalse(s.contains(P.toString(16)) || s.contains(P.toString()) || s.contains(Q.toString()));
        sk.destroy();
        assertTrue(sk.isDestroyed());
        assertThrows(IllegalStateException.class, () -> sk.decrypt(C));
        assertThrows(IllegalStateException.class, sk::p);
        assertTrue(sk.toString().contains("destroyed"));
    }

    @Test
    void canonicalSerialisationRoundTripsAndRejectsTampering() {
        PaillierPrivateKey sk = PaillierPrivateKey.of(P, Q);
        byte[] pub = sk.publicKey().toBytes();
        assertEquals(sk.publicKey(), PaillierPublicKey.parse(pub));
        assertArrayEquals(pub, PaillierPublicKey.parse(pub).toBytes());
        byte[] priv = sk.toBytes();
        PaillierPrivateKey back = PaillierPrivateKey.parse(priv);
        assertEquals(M, back.decrypt(C));
        byte[] trailing = java.util.Arrays.copyOf(pub, pub.length + 1);
        assertThrows(WireFormatException.class, () -> PaillierPublicKey.parse(trailing));
        byte[] wrongVersion = pub.clone();
        wrongVersion[2] = 2;
        assertThrows(WireFormatException.class, () -> PaillierPublicKey.parse(wrongVersion));
        byte[] swapped = priv.clone();
        swapped[swapped.length - 1] ^= 0x04; // q no longer ≡ 3 mod 4 or no longer prime
        assertThrows(WireFormatException.class, () -> PaillierPrivateKey.parse(swapped));
    }
}
