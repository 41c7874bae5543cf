package io.openwaas.tss.transport;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerCryptoTest {

    private final SecureRandom rnd = new SecureRandom();
    private final Ed25519PrivateKeyParameters alice = new Ed25519PrivateKeyParameters(rnd);
    private final X25519PrivateKeyParameters bob = new X25519PrivateKeyParameters(rnd);

    private PeerEnvelope envelope(byte[] payload) {
        return new PeerEnvelope(PeerEnvelope.Kind.PROTOCOL, "20261121000000000000000000000001", "keygen/SECP256K1", 2,
                "tss-node-0", "tss-node-1", System.currentTimeMillis(), UUID.randomUUID(), payload);
    }

    @Test
    void signedEncryptedRecordRoundTrips() {
        byte[] secret = "a DKG share".getBytes(StandardCharsets.UTF_8);
        PeerEnvelope plain = envelope(secret);
        PeerEnvelope sealed = plain.withPayload(PeerCrypto.encrypt(bob.generatePublicKey(), plain.header(), secret, rnd));
        byte[] record = sealed.encode(PeerCrypto.sign(alice, sealed.signedPart()));

        PeerEnvelope.Signed got = PeerEnvelope.decode(record);
        assertEquals(sealed.messageId(), got.envelope().messageId());
        assertTrue(PeerCrypto.verify(alice.generatePublicKey(), got.envelope().signedPart(), got.signature()));
        assertArrayEquals(secret, PeerCrypto.decrypt(bob, got.envelope().header(), got.envelope().payload()));
        assertFalse(new String(record, StandardCharsets.ISO_8859_1).contains("a DKG share"), "payload is encrypted");
    }

    @Test
    void anyAlteredByteFailsTheSignature() {
        PeerEnvelope e = envelope(new byte[] {1, 2, 3});
        byte[] record = e.encode(PeerCrypto.sign(alice, e.signedPart()));
        for (int i = 0; i < record.length - 64; i += 7) {
            byte[] altered = record.clone();
            altered[i] ^= 1;
            try {
                PeerEnvelope.Signed s = PeerEnvelope.decode(altered);
                assertFalse(PeerCrypto.verify(alice.generatePublicKey(), s.envelope().signedPart(), s.signature()),
                        "byte " + i);
            } catch (IllegalArgumentException undecodable) {
                // also refused
            }
        }
    }

    @Test
    void anotherRecipientOrAnotherHeaderCannotDecrypt() {
        byte[] secret = new byte[32];
        rnd.nextBytes(secret);
        PeerEnvelope e = envelope(secret);
        byte[] ct = PeerCrypto.encrypt(bob.generatePublicKey(), e.header(), secret, rnd);
        assertNull(PeerCrypto.decrypt(new X25519PrivateKeyParameters(rnd), e.header(), ct));
        PeerEnvelope other = new PeerEnvelope(e.kind(), e.session(), e.task(), e.round() + 1, e.from(), e.to(),
                e.sentAt(), e.messageId(), ct);
        assertNull(PeerCrypto.decrypt(bob, other.header(), ct), "a payload moved to another round does not open");
    }

    @Test
    void malformedRecordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PeerEnvelope.decode(new byte[10]));
        PeerEnvelope e = envelope(new byte[] {9});
        byte[] record = e.encode(new byte[64]);
        byte[] truncated = java.util.Arrays.copyOf(record, record.length - 70);
        assertThrows(IllegalArgumentException.class, () -> PeerEnvelope.decode(truncated));
    }
}
