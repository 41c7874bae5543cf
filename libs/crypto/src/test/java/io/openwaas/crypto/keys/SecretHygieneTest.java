package io.openwaas.crypto.keys;

import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.Ed25519ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.util.Secret;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHygieneTest {

    @Test
    void secretsAreRedactedAndDestroyable() {
        byte[] raw = {1, 2, 3, 4};
        Secret s = Secret.wrap(raw);
        raw[0] = 9; // wrap copies
        assertEquals(BigInteger.valueOf(0x01020304), s.toBigIntegerBE());
        assertEquals("Secret[redacted]", s.toString());
        assertFalse(s.toString().contains("1020304"));
        s.destroy();
        assertTrue(s.isDestroyed());
        assertThrows(IllegalStateException.class, s::bytes);

        SecureRandom rnd = new SecureRandom();
        Secp256k1PrivateKey k = Secp256k1PrivateKey.random(rnd);
        String hex = k.scalar().toString(16);
        assertFalse(k.toString().contains(hex));
        k.destroy();
        assertThrows(IllegalStateException.class, k::scalar);

        Ed25519PrivateKey e = Ed25519PrivateKey.random(rnd);
        e.destroy();
        assertThrows(IllegalStateException.class, e::prefix);

        ExtendedPrivateKey x = ExtendedPrivateKey.fromSeed(new byte[16], Bip32Version.XPUB);
        assertEquals("ExtendedPrivateKey[redacted]", x.toString());
        x.destroy();
        assertThrows(IllegalStateException.class, x::serialize);

        Ed25519ExtendedPrivateKey c = Ed25519ExtendedPrivateKey.root(BigInteger.TEN, new byte[32]);
        assertEquals("Ed25519ExtendedPrivateKey[redacted]", c.toString());
        c.destroy();
        assertThrows(IllegalStateException.class, c::scalar);

        assertThrows(IllegalArgumentException.class, () -> Secp256k1PrivateKey.of(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1PrivateKey.wrap(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519PrivateKey.fromScalar(BigInteger.ZERO));
    }
}
