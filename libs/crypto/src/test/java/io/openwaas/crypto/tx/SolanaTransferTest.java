package io.openwaas.crypto.tx;

import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.tx.solana.SolanaTransfer;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Hex;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden values produced by an independent implementation, {@code @solana/web3.js} 1.99.0 (npm), with
 * {@code Keypair.fromSeed(32 x 0x07)}, recipient {@code 32 x 0x09}, recent blockhash {@code 32 x 0xab}:
 * {@code new Transaction({feePayer, recentBlockhash}).add(SystemProgram.transfer({..., lamports: 1234567890123n}))},
 * {@code serializeMessage()}, then {@code sign(kp)} and {@code serialize()}; and a 5-lamport transfer to oneself.
 */
class SolanaTransferTest {

    private static final String MESSAGE = "01000103ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
            + "0909090909090909090909090909090909090909090909090909090909090909"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "abababababababababababababababababababababababababababababababab"
            + "01020200010c02000000cb04fb711f010000";
    private static final String TX = "01409e5b93bcc6819211e8a641fa5faf475c054837f1a16d2503c2c38b1001042034b93f2ce45e31"
            + "fd8eb22b7ac0659d655e34a2d46cc7084193a05a073084280d" + MESSAGE;
    private static final String SELF = "01000102ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "abababababababababababababababababababababababababababababababab"
            + "01010200000c020000000500000000000000";

    @Test
    void transferMatchesSolanaWeb3js() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
        assertEquals("GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB",
                Addresses.of("SOL", AddressEncoding.DEFAULT, key.publicKey()));
        byte[] to = new byte[32];
        Arrays.fill(to, (byte) 9);
        assertEquals("cGfHiC6Kgg3FpFZvgwGcswsCRtp4aBP2fzuXRQPizuN", Base58.encode(to));
        byte[] blockhash = new byte[32];
        Arrays.fill(blockhash, (byte) 0xab);
        assertArrayEquals(Base58.decode("CZ8YUVdk7znjrUmnb5n7kgySk9yRAsQDYmyCxzfSky9t"), blockhash);

        byte[] msg = SolanaTransfer.message(key.publicKeyBytes(), to, 1234567890123L, blockhash);
        assertEquals(MESSAGE, Hex.encode(msg));
        byte[] sig = Ed25519.sign(key, msg);
        byte[] tx = SolanaTransfer.transaction(msg, sig);
        assertEquals(TX, Hex.encode(tx));
        assertTrue(Ed25519.verify(key.publicKeyBytes(), msg, Bytes.slice(tx, 1, 65)));

        assertEquals(SELF, Hex.encode(SolanaTransfer.message(key.publicKeyBytes(), key.publicKeyBytes(), 5,
                blockhash)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> SolanaTransfer.message(new byte[31], new byte[32], 1, new byte[32]));
        assertThrows(IllegalArgumentException.class,
                () -> SolanaTransfer.message(new byte[32], new byte[32], -1, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> SolanaTransfer.transaction(new byte[10], new byte[63]));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SolanaTransfer.compactU16(out, 0x3fff);
        assertEquals("ff7f", Hex.encode(out.toByteArray()));
        out.reset();
        SolanaTransfer.compactU16(out, 0x80);
        assertEquals("8001", Hex.encode(out.toByteArray()));
    }
}
