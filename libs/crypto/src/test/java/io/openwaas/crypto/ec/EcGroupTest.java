package io.openwaas.crypto.ec;

import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Hex;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcGroupTest {

    private static final List<EcGroup> GROUPS = List.of(Secp256k1.GROUP, Ed25519Group.GROUP);
    private final SecureRandom rnd = new SecureRandom(new byte[] {1, 2, 3});

    @Test
    void generatorHasPrimeOrder() {
        for (EcGroup g : GROUPS) {
            EcPoint gen = g.generator();
            assertFalse(gen.isIdentity(), g.name());
            assertTrue(g.mulBase(g.order()).isIdentity(), g.name());
            assertTrue(gen.multiply(g.order()).isIdentity(), g.name());
            assertEquals(gen.negate(), g.mulBase(g.order().subtract(BigInteger.ONE)), g.name());
            assertEquals(gen, g.mulBase(g.order().add(BigInteger.ONE)), g.name());
            assertTrue(g.identity().isIdentity(), g.name());
            assertEquals(gen, gen.add(g.identity()), g.name());
            assertTrue(gen.subtract(gen).isIdentity(), g.name());
        }
        // the ed25519 base point's order is exactly L, checked without the group's own reduction
        assertTrue(Ed25519Group.GROUP.generator().multiplyRaw(Ed25519Group.L).isIdentity());
        assertFalse(Ed25519Group.GROUP.generator().multiplyRaw(Ed25519Group.L.subtract(BigInteger.ONE)).isIdentity());
    }

    @Test
    void mulBaseAgreesWithGenericMultiplyAndAddition() {
        for (EcGroup g : GROUPS) {
            for (int i = 0; i < 20; i++) {
                BigInteger a = g.randomScalar(rnd);
                BigInteger b = g.randomScalar(rnd);
                EcPoint pa = g.mulBase(a);
                assertEquals(pa, g.generator().multiply(a), g.name());
                EcPoint sum = pa.add(g.mulBase(b));
                assertEquals(g.mulBase(a.add(b)), sum, g.name());
                assertEquals(g.mulBase(a.subtract(b)), pa.subtract(g.mulBase(b)), g.name());
                assertEquals(g.mulBase(a.multiply(b)), pa.multiply(b), g.name());
                assertEquals(pa.hashCode(), g.generator().multiply(a).hashCode());
                EcPoint decoded = g.decode(pa.encode());
                assertEquals(pa, decoded);
                assertArrayEquals(pa.encode(), decoded.encode());
                assertEquals(g.pointLength(), pa.encode().length);
            }
            // small and edge scalars
            assertTrue(g.mulBase(BigInteger.ZERO).isIdentity());
            assertEquals(g.generator(), g.mulBase(BigInteger.ONE));
            assertEquals(g.generator().add(g.generator()), g.mulBase(BigInteger.TWO));
            assertEquals(g.mulBase(BigInteger.valueOf(-5)), g.mulBase(BigInteger.valueOf(5)).negate());
        }
    }

    @Test
    void publicGeneratorTableAgreesWithCombOnEdgeScalars() {
        BigInteger n = Secp256k1.N;
        BigInteger[] ks = {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(255), BigInteger.valueOf(256),
            BigInteger.valueOf(257), BigInteger.ONE.shiftLeft(248), BigInteger.ONE.shiftLeft(255),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(n), n.subtract(BigInteger.ONE),
            n.subtract(BigInteger.TWO), n.shiftRight(1), new BigInteger("ff".repeat(31), 16)};
        for (BigInteger k : ks) {
            assertEquals(Secp256k1.GROUP.mulBase(k), Secp256k1.GROUP.generator().multiply(k), k.toString(16));
            // the generic wNAF path of a non-generator point agrees too
            EcPoint twoG = Secp256k1.GROUP.mulBase(BigInteger.TWO);
            assertEquals(Secp256k1.GROUP.mulBase(k.shiftLeft(1)), twoG.multiply(k), k.toString(16));
        }
    }

    @Test
    void ed25519PublicBaseLookupAgreesWithConstantTimeTable() {
        BigInteger l = Ed25519Group.L;
        BigInteger[] ks = {BigInteger.ONE, BigInteger.valueOf(8), BigInteger.valueOf(15), BigInteger.valueOf(16),
            BigInteger.valueOf(-8).mod(l), l.subtract(BigInteger.ONE), l.shiftRight(1), BigInteger.ONE.shiftLeft(252),
            BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE), new BigInteger("88".repeat(31), 16).mod(l)};
        Ed25519Group g = Ed25519Group.GROUP;
        EcPoint threeB = g.mulBase(BigInteger.valueOf(3));
        for (BigInteger k : ks) {
            assertEquals(g.mulBase(k), g.generator().multiply(k), k.toString(16));
            assertEquals(g.mulBase(k.multiply(BigInteger.valueOf(3))), threeB.multiply(k), k.toString(16));
        }
    }

    @Test
    void secp256k1KnownPoints() {
        // SEC2 generator and small multiples (published in many references, e.g. the SEC2 document and BIP-340 test
        // vector 1, whose secret key is 3)
        assertEquals("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
                Hex.encode(Secp256k1.GROUP.generator().encode()));
        assertEquals("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5",
                Hex.encode(Secp256k1.GROUP.mulBase(BigInteger.TWO).encode()));
        assertEquals("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9",
                Hex.encode(Secp256k1.GROUP.mulBase(BigInteger.valueOf(3)).xOnly()));
        Secp256k1Point g = Secp256k1.GROUP.generator();
        assertTrue(g.hasEvenY());
        assertFalse(g.negate().hasEvenY());
        assertEquals("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
                Hex.encode(g.encodeUncompressed()));
        assertEquals(g, Secp256k1.GROUP.decodeUncompressed(g.encodeUncompressed()));
        assertEquals(g, Secp256k1.GROUP.liftX(g.xOnly()));
        assertEquals(g.negate(), Secp256k1.GROUP.decode(Hex.decode(
                "0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")));
    }

    @Test
    void secp256k1RejectsBadEncodings() {
        Secp256k1 g = Secp256k1.GROUP;
        byte[] good = g.generator().encode();
        assertThrows(InvalidPointException.class, () -> g.decode(new byte[32]));
        assertThrows(InvalidPointException.class, () -> g.decode(new byte[33]));
        assertThrows(InvalidPointException.class, () -> g.decode(Bytes.concat(good, new byte[1])));
        byte[] badPrefix = good.clone();
        badPrefix[0] = 0x04;
        assertThrows(InvalidPointException.class, () -> g.decode(badPrefix));
        // x = p (not canonical) and x = p + 1, which would alias small x values
        byte[] xp = Bytes.concat(new byte[] {2}, Bytes.toFixedBE(Secp256k1.P, 32));
        assertThrows(InvalidPointException.class, () -> g.decode(xp));
        byte[] xp1 = Bytes.concat(new byte[] {2}, Bytes.toFixedBE(Secp256k1.P.add(BigInteger.ONE), 32));
        assertThrows(InvalidPointException.class, () -> g.decode(xp1));
        // x values with no curve point: x^3 + 7 is a non-residue (Euler's criterion computed here independently)
        int rejected = 0;
        for (int x = 0; x < 40; x++) {
            BigInteger bx = BigInteger.valueOf(x);
            BigInteger rhs = bx.pow(3).add(BigInteger.valueOf(7)).mod(Secp256k1.P);
            boolean square = rhs.modPow(Secp256k1.P.subtract(BigInteger.ONE).shiftRight(1), Secp256k1.P)
                    .equals(BigInteger.ONE);
            byte[] enc = Bytes.concat(new byte[] {3}, Bytes.toFixedBE(bx, 32));
            if (square) {
                assertEquals(x, ((Secp256k1Point) g.decode(enc)).x().intValueExact());
            } else {
                assertThrows(InvalidPointException.class, () -> g.decode(enc));
                rejected++;
            }
        }
        assertTrue(rejected > 5);
        // uncompressed point off the curve
        byte[] unc = g.generator().encodeUncompressed();
        unc[64] ^= 1;
        assertThrows(InvalidPointException.class, () -> g.decodeUncompressed(unc));
        assertThrows(IllegalStateException.class, () -> g.identity().encode());
    }

    @Test
    void ed25519KnownPointsAndRfc8032Keys() {
        Ed25519Group g = Ed25519Group.GROUP;
        // RFC 8032 section 5.1: B has y = 4/5 and even x
        assertEquals("5866666666666666666666666666666666666666666666666666666666666666",
                Hex.encode(g.generator().encode()));
        assertEquals("0100000000000000000000000000000000000000000000000000000000000000",
                Hex.encode(g.identity().encode()));
        // RFC 8032 section 7.1 TEST 1 and TEST 2: public key = clamp(SHA-512(sk)[0..32]) * B
        String[][] keys = {
            {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"},
            {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"},
        };
        for (String[] k : keys) {
            BigInteger a = clampedScalar(Hex.decode(k[0]));
            assertEquals(k[1], Hex.encode(g.mulBase(a).encode()));
            assertEquals(k[1], Hex.encode(g.generator().multiply(a).encode()));
            assertEquals(k[1], Hex.encode(g.decode(Hex.decode(k[1])).encode()));
        }
        // independent implementation: BouncyCastle's own Ed25519 key generation, 50 random seeds
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] bcPub = new byte[32];
            Ed25519.generatePublicKey(seed, 0, bcPub, 0);
            assertArrayEquals(bcPub, g.mulBase(clampedScalar(seed)).encode());
            assertArrayEquals(bcPub, g.decode(bcPub).encode());
        }
    }

    static BigInteger clampedScalar(byte[] seed) {
        SHA512Digest d = new SHA512Digest();
        d.update(seed, 0, seed.length);
        byte[] h = new byte[64];
        d.doFinal(h, 0);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        return Bytes.fromLE(Bytes.slice(h, 0, 32));
    }

    @Test
    void ed25519RejectsBadEncodings() {
        Ed25519Group g = Ed25519Group.GROUP;
        assertThrows(InvalidPointException.class, () -> g.decode(new byte[31]));
        assertThrows(InvalidPointException.class, () -> g.decode(new byte[33]));
        // identity and the other small-order points (order 2: y = -1; order 4: y = 0, both signs)
        assertThrows(InvalidPointException.class, () -> g.decode(g.identity().encode()));
        byte[] order2 = Bytes.toFixedLE(Ed25519Group.P.subtract(BigInteger.ONE), 32);
        assertThrows(InvalidPointException.class, () -> g.decode(order2));
        assertTrue(g.decodeOnCurve(order2, false).isSmallOrder());
        byte[] order4 = new byte[32];
        assertThrows(InvalidPointException.class, () -> g.decode(order4));
        Ed25519Point t4 = g.decodeOnCurve(order4, false);
        assertTrue(t4.isSmallOrder());
        assertFalse(t4.twice().isIdentity());
        assertTrue(t4.twice().twice().isIdentity());
        // non-canonical y = p + 1 (aliases y = 1, the identity) and y = p
        byte[] yp1 = Bytes.toFixedLE(Ed25519Group.P.add(BigInteger.ONE), 32);
        assertThrows(InvalidPointException.class, () -> g.decode(yp1));
        assertThrows(InvalidPointException.class, () -> g.decodeOnCurve(yp1, false));
        assertTrue(g.decodeOnCurve(yp1, true).isIdentity());
        // x = 0 with the sign bit set ("negative zero")
        byte[] negZero = g.identity().encode();
        negZero[31] |= (byte) 0x80;
        assertThrows(InvalidPointException.class, () -> g.decodeOnCurve(negZero, false));
        // mixed order: B + (order-4 point) is on the curve, not small order, not in the subgroup
        Ed25519Point mixed = g.generator().add(t4);
        byte[] mixedEnc = mixed.encode();
        assertFalse(mixed.isSmallOrder());
        assertFalse(mixed.isInPrimeOrderSubgroup());
        assertThrows(InvalidPointException.class, () -> g.decode(mixedEnc));
        assertEquals(mixed, g.decodeOnCurve(mixedEnc, false));
        // y values that are not on the curve: u/v is a non-square
        int offCurve = 0;
        for (int y = 2; y < 40; y++) {
            byte[] enc = Bytes.toFixedLE(BigInteger.valueOf(y), 32);
            BigInteger yy = BigInteger.valueOf(y);
            BigInteger u = yy.pow(2).subtract(BigInteger.ONE);
            BigInteger v = Ed25519Group.D_BIG.multiply(yy.pow(2)).add(BigInteger.ONE);
            BigInteger x2 = u.multiply(v.modInverse(Ed25519Group.P)).mod(Ed25519Group.P);
            boolean square = x2.modPow(Ed25519Group.P.subtract(BigInteger.ONE).shiftRight(1), Ed25519Group.P)
                    .equals(BigInteger.ONE);
            if (!square) {
                assertThrows(InvalidPointException.class, () -> g.decodeOnCurve(enc, true));
                offCurve++;
            } else {
                Ed25519Point p = g.decodeOnCurve(enc, false);
                assertArrayEquals(enc, p.encode());
            }
        }
        assertTrue(offCurve > 5);
    }

    @Test
    void scalarEncodings() {
        BigInteger k = new BigInteger("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 16);
        assertEquals("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
                Hex.encode(Secp256k1.GROUP.scalarToBytes(k)));
        BigInteger small = BigInteger.valueOf(0x0102);
        assertEquals("0201000000000000000000000000000000000000000000000000000000000000",
                Hex.encode(Ed25519Group.GROUP.scalarToBytes(small)));
        for (EcGroup g : GROUPS) {
            BigInteger s = g.randomScalar(rnd);
            assertEquals(s, g.scalarFromBytes(g.scalarToBytes(s)));
            assertEquals(32, g.scalarLength());
            assertThrows(IllegalArgumentException.class, () -> g.scalarToBytes(g.order()));
            assertThrows(IllegalArgumentException.class, () -> g.scalarToBytes(BigInteger.ONE.negate()));
            assertThrows(IllegalArgumentException.class, () -> g.scalarFromBytes(new byte[31]));
        }
        assertThrows(IllegalArgumentException.class,
                () -> Secp256k1.GROUP.scalarFromBytes(Bytes.toFixedBE(Secp256k1.N, 32)));
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519Group.GROUP.scalarFromBytes(Bytes.toFixedLE(Ed25519Group.L, 32)));
        assertEquals(Ed25519Group.L.subtract(BigInteger.ONE), Ed25519Group.GROUP.scalarFromBytes(
                Bytes.toFixedLE(Ed25519Group.L.subtract(BigInteger.ONE), 32)));
    }

    @Test
    void randomScalarsAreInRangeAndDistinct() {
        for (EcGroup g : GROUPS) {
            BigInteger prev = null;
            for (int i = 0; i < 200; i++) {
                BigInteger s = g.randomScalar(rnd);
                assertTrue(s.signum() > 0 && s.compareTo(g.order()) < 0);
                assertNotEquals(prev, s);
                prev = s;
            }
        }
    }

    @Test
    void pointsOfDifferentGroupsDoNotMix() {
        assertThrows(IllegalArgumentException.class,
                () -> Secp256k1.GROUP.generator().add(Ed25519Group.GROUP.generator()));
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519Group.GROUP.generator().add(Secp256k1.GROUP.generator()));
        assertNotEquals(Secp256k1.GROUP.generator(), Ed25519Group.GROUP.generator());
        assertEquals("secp256k1", Secp256k1.GROUP.name());
        assertEquals("ed25519", Ed25519Group.GROUP.name());
        assertEquals(33, Secp256k1.GROUP.pointLength());
        assertEquals(32, Ed25519Group.GROUP.pointLength());
    }
}
