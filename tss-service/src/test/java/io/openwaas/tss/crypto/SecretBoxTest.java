package io.openwaas.tss.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void sealsAndOpensBoundToItsRow() {
        SecretBox box = new SecretBox(random(32));
        byte[] share = random(64);
        byte[] sealed = box.seal(share, "key_share:a");
        assertArrayEquals(share, box.open(sealed, "key_share:a"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "key_share:b"), "copied to another row");
        sealed[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "key_share:a"), "tampered");
    }

    @Test
    void anotherKeyCannotOpen() {
        byte[] sealed = new SecretBox(random(32)).seal(random(16), "x");
        assertThrows(IllegalStateException.class, () -> new SecretBox(random(32)).open(sealed, "x"));
    }

    @Test
    void theKeyMustBe32BytesOfBase64() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(random(16)));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64("not base64!"));
        SecretBox.fromBase64(Base64.getEncoder().encodeToString(random(32)));
    }
}
