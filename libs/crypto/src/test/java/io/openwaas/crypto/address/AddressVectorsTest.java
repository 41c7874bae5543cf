package io.openwaas.crypto.address;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.encoding.Bech32;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.schnorr.Taproot;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressVectorsTest {

    private static String str(JsonNode entry) {
        if (entry.has("bytes_hex")) {
            return new String(Hex.decode(entry.get("bytes_hex").asText()), StandardCharsets.ISO_8859_1);
        }
        return entry.get("string").asText();
    }

    private static String hrpOf(String address) {
        return address.substring(0, address.lastIndexOf('1')).toLowerCase();
    }

    @Test
    void bech32AndBech32mTables() {
        JsonNode root = Vectors.json("address/bech32-bech32m-vectors.json");
        int passed = 0;
        for (JsonNode e : root.get("bip173").get("valid_bech32")) {
            Bech32.Decoded d = Bech32.decode(str(e));
            assertEquals(Bech32.Variant.BECH32, d.variant());
            assertEquals(str(e).toLowerCase(), Bech32.encode(d.hrp(), d.data(), d.variant()));
            passed++;
        }
        for (JsonNode e : root.get("bip350").get("valid_bech32m")) {
            Bech32.Decoded d = Bech32.decode(str(e));
            assertEquals(Bech32.Variant.BECH32M, d.variant());
            assertEquals(str(e).toLowerCase(), Bech32.encode(d.hrp(), d.data(), d.variant()));
            passed++;
        }
        for (JsonNode e : root.get("bip173").get("invalid_bech32")) {
            String s = str(e);
            boolean rejected;
            try {
                rejected = Bech32.decode(s).variant() != Bech32.Variant.BECH32;
            } catch (IllegalArgumentException ex) {
                rejected = true;
            }
            assertTrue(rejected, e.get("reason").asText() + ": " + s);
            passed++;
        }
        for (JsonNode e : root.get("bip350").get("invalid_bech32m")) {
            String s = str(e);
            boolean rejected;
            try {
                rejected = Bech32.decode(s).variant() != Bech32.Variant.BECH32M;
            } catch (IllegalArgumentException ex) {
                rejected = true;
            }
            assertTrue(rejected, e.get("reason").asText() + ": " + s);
            passed++;
        }
        // BIP-350 rules for all segwit addresses; BIP-173's v0 entries are also valid under them
        for (JsonNode e : root.get("bip350").get("valid_segwit_addresses")) {
            String a = e.get("address").asText();
            Bech32.WitnessProgram wp = Bech32.decodeSegwit(hrpOf(a), a);
            byte[] spk = Bytes.concat(new byte[] {(byte) (wp.version() == 0 ? 0 : 0x50 + wp.version()),
                (byte) wp.program().length}, wp.program());
            assertEquals(e.get("scriptPubKey").asText(), Hex.encode(spk), a);
            assertEquals(a.toLowerCase(), Bech32.encodeSegwit(wp.hrp(), wp.version(), wp.program()));
            passed++;
        }
        for (JsonNode e : root.get("bip173").get("valid_segwit_addresses")) {
            String a = e.get("address").asText();
            int version = Bech32.decode(a).data()[0];
            if (version == 0) {
                assertEquals(e.get("scriptPubKey").asText().substring(4),
                        Hex.encode(Bech32.decodeSegwit(hrpOf(a), a).program()));
            } else {
                // BIP-173 era v1+ addresses use Bech32 and are invalid under BIP-350
                assertThrows(IllegalArgumentException.class, () -> Bech32.decodeSegwit(hrpOf(a), a), a);
            }
            passed++;
        }
        for (String section : new String[] {"bip173", "bip350"}) {
            for (JsonNode e : root.get(section).get("invalid_segwit_addresses")) {
                String a = e.get("address").asText();
                String reason = e.get("reason").asText();
                // an "Invalid human-readable part" address must fail for the networks we know
                for (String hrp : new String[] {"bc", "tb"}) {
                    boolean hrpMatters = reason.contains("human-readable");
                    if (hrpMatters || hrp.equals("bc")) {
                        String expectedHrp = hrpMatters ? hrp : null;
                        assertThrows(IllegalArgumentException.class, () -> Bech32.decodeSegwit(expectedHrp, a),
                                section + " " + reason + ": " + a);
                    }
                }
                passed++;
            }
        }
        Vectors.report("address/bech32-bech32m-vectors.json", passed, "strings + segwit addresses, valid + invalid");
    }

    @Test
    void bip49Bip84Bip86Examples() {
        JsonNode v = Vectors.json("bip32/bip49-84-86-address-vectors.json").get("vectors");
        int passed = 0;
        // BIP-84
        JsonNode b84 = v.get("bip84");
        ExtendedPrivateKey root84 = ExtendedPrivateKey.parse(b84.get("root").get("rootpriv").asText());
        assertEquals(b84.get("root").get("rootpub").asText(), root84.neuter().serialize());
        passed++;
        for (JsonNode d : b84.get("derived")) {
            ExtendedPrivateKey k = root84.derive(DerivationPath.parse(d.get("path").asText()));
            if (d.has("xpub")) {
                assertEquals(d.get("xpriv").asText(), k.serialize());
                assertEquals(d.get("xpub").asText(), k.neuter().serialize());
            } else {
                byte[] wif = Base58.decodeCheck(d.get("privkey").asText());
                assertArrayEquals(Arrays.copyOfRange(wif, 1, 33), k.privateKey().bytes());
                Secp256k1Point pub = k.privateKey().publicKey();
                assertEquals(d.get("pubkey").asText(), Hex.encode(pub.encode()));
                assertEquals(d.get("address").asText(), Addresses.of("BTC", AddressEncoding.P2WPKH, pub));
                assertTrue(Addresses.isValid("BTC", d.get("address").asText()));
                assertFalse(Addresses.isValid("XTN", d.get("address").asText()));
            }
            passed++;
        }
        // BIP-49 (testnet; root given as uprv)
        JsonNode b49 = v.get("bip49");
        ExtendedPrivateKey root49 = ExtendedPrivateKey.parse(b49.get("root").get("masterseed").asText());
        Secp256k1Point pub49 = null;
        for (JsonNode d : b49.get("derived")) {
            if (d.has("account0Xpriv")) {
                ExtendedPrivateKey k = root49.derive(DerivationPath.parse(d.get("path").asText()));
                assertEquals(d.get("account0Xpriv").asText(), k.serialize());
                assertEquals(d.get("account0Xpub").asText(), k.neuter().serialize());
            } else if (d.has("account0recvPrivateKeyHex")) {
                ExtendedPrivateKey k = root49.derive(DerivationPath.parse(d.get("path").asText()));
                assertEquals(d.get("account0recvPrivateKeyHex").asText().substring(2), Hex.encode(k.privateKey()
                        .bytes()));
                pub49 = k.privateKey().publicKey();
                assertEquals(d.get("account0recvPublicKeyHex").asText().substring(2), Hex.encode(pub49.encode()));
            } else if (d.has("keyhash")) {
                assertEquals(d.get("keyhash").asText().substring(2), Hex.encode(Hashes.hash160(pub49.encode())));
                assertEquals(d.get("scriptSig").asText().substring(2), Hex.encode(Addresses.p2wpkhProgramScript(
                        pub49)));
                assertEquals(d.get("addressBytes").asText().substring(2), Hex.encode(Hashes.hash160(
                        Addresses.p2wpkhProgramScript(pub49))));
            } else {
                assertEquals(d.get("address").asText(), Addresses.of("XTN", AddressEncoding.P2SH_P2WPKH, pub49));
                Addresses.ParsedAddress p = Addresses.parse("XTN", d.get("address").asText());
                assertEquals(AddressEncoding.P2SH_P2WPKH, p.encoding());
                assertFalse(Addresses.isValid("BTC", d.get("address").asText()));
            }
            passed++;
        }
        // BIP-86
        JsonNode b86 = v.get("bip86");
        ExtendedPrivateKey root86 = ExtendedPrivateKey.parse(b86.get("root").get("rootpriv").asText());
        assertEquals(b86.get("root").get("rootpub").asText(), root86.neuter().serialize());
        passed++;
        for (JsonNode d : b86.get("derived")) {
            ExtendedPrivateKey k = root86.derive(DerivationPath.parse(d.get("path").asText()));
            assertEquals(d.get("xprv").asText(), k.serialize());
            assertEquals(d.get("xpub").asText(), k.neuter().serialize());
            if (d.has("address")) {
                Secp256k1Point pub = k.privateKey().publicKey();
                assertEquals(d.get("internal_key").asText(), Hex.encode(pub.xOnly()));
                Taproot.TweakedKey tk = Taproot.tweakPublicKey(pub.xOnly(), null);
                assertEquals(d.get("output_key").asText(), Hex.encode(tk.outputKey()));
                assertEquals(d.get("address").asText(), Addresses.of("BTC", AddressEncoding.P2TR, pub));
                Addresses.ParsedAddress p = Addresses.parse("BTC", d.get("address").asText());
                assertEquals(d.get("scriptPubKey").asText(), Hex.encode(p.scriptPubKey()));
                // the tweaked private key signs for the output key
                try (Secp256k1PrivateKey tweaked = Taproot.tweakPrivateKey(k.privateKey(), null)) {
                    assertArrayEquals(tk.outputKey(), tweaked.publicKey().xOnly());
                }
            }
            passed++;
        }
        Vectors.report("bip32/bip49-84-86-address-vectors.json", passed, "keys, paths, addresses");
    }

    @Test
    void eip55() {
        JsonNode root = Vectors.json("address/eip55-checksum-vectors.json");
        int passed = 0;
        for (JsonNode e : root.get("vectors")) {
            String good = e.get("checksummed").asText();
            byte[] raw = Hex.decode(e.get("lowercase").asText());
            assertEquals(good, Addresses.eip55(raw));
            assertTrue(Addresses.isValid("ETH", good));
            assertTrue(Addresses.isValid("BSC_BNB", e.get("lowercase").asText()));
            // flip the case of one letter: the checksum must fail
            char[] c = good.toCharArray();
            for (int i = 2; i < c.length; i++) {
                if (Character.isLetter(c[i])) {
                    c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                    break;
                }
            }
            String bad = new String(c);
            boolean stillSingleCase = bad.substring(2).equals(bad.substring(2).toLowerCase())
                    || bad.substring(2).equals(bad.substring(2).toUpperCase());
            assertEquals(stillSingleCase, Addresses.isValid("ETH", bad), bad);
            passed++;
        }
        assertFalse(Addresses.isValid("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"));
        assertFalse(Addresses.isValid("ETH", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00"));
        assertFalse(Addresses.isValid("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"));
        Vectors.report("address/eip55-checksum-vectors.json", passed, "checksum + validation");
    }

    @Test
    void tronExamples() {
        JsonNode root = Vectors.json("address/tron-address-examples.json");
        int passed = 0;
        for (JsonNode e : root.get("vectors")) {
            byte[] hex41 = Hex.decode(e.get("hex41").asText());
            assertEquals(e.get("base58").asText(), Addresses.tronFromAccountId(Arrays.copyOfRange(hex41, 1, 21)));
            assertArrayEquals(Arrays.copyOfRange(hex41, 1, 21), Addresses.parse("TRON", e.get("base58").asText())
                    .payload());
            if (e.has("private_key")) {
                Secp256k1Point pub = Secp256k1PrivateKey.wrap(Hex.decode(e.get("private_key").asText())).publicKey();
                assertEquals(e.get("base58").asText(), Addresses.of("TRON", AddressEncoding.DEFAULT, pub));
                assertEquals(e.get("evm_eip55").asText(), Addresses.of("ETH", AddressEncoding.DEFAULT, pub));
            }
            String s = e.get("base58").asText();
            String corrupted = s.substring(0, 5) + (s.charAt(5) == 'a' ? 'b' : 'a') + s.substring(6);
            assertFalse(Addresses.isValid("TRON", corrupted));
            passed++;
        }
        // an EVM-style (0x00) base58check payload is not a TRON address
        assertFalse(Addresses.isValid("TRON", Base58.encodeCheck(new byte[21])));
        Vectors.report("address/tron-address-examples.json", passed, "base58check 0x41");
    }

    @Test
    void coboAddresses() {
        JsonNode root = Vectors.json("cobo-mpc/secp256k1-vectors.json").get("addresses");
        int passed = 0;
        for (JsonNode e : root.get("vectors")) {
            ExtendedPublicKey xpub = ExtendedPublicKey.parse(e.get("ext_pub").asText());
            Secp256k1Point pub = xpub.publicKey();
            assertEquals(e.get("public_key").asText(), Hex.encode(pub.encode()));
            String net = e.get("network").asText();
            String chain = net.equals("mainnet") ? "BTC" : net.equals("testnet") ? "XTN" : "ETH";
            String type = e.get("type").asText();
            String address = e.get("address").asText();
            if (type.startsWith("P2TR")) {
                BitcoinNetwork bn = Chain.of(chain).bitcoin();
                assertEquals(address, Addresses.p2trUntweaked(bn, pub));
                assertEquals(e.get("bip86_address_for_comparison").asText(),
                        Addresses.of(chain, AddressEncoding.P2TR, pub));
                assertNotEquals(address, Addresses.of(chain, AddressEncoding.P2TR, pub));
            } else {
                AddressEncoding enc = switch (type) {
                    case "P2PKH" -> AddressEncoding.P2PKH;
                    case "P2WPKH" -> AddressEncoding.P2WPKH;
                    case "P2SH-P2WPKH" -> AddressEncoding.P2SH_P2WPKH;
                    default -> AddressEncoding.DEFAULT;
                };
                assertEquals(address, Addresses.of(chain, enc, pub));
                assertEquals(enc, Addresses.parse(chain, address).encoding());
            }
            assertTrue(Addresses.isValid(chain, address));
            passed++;
        }
        Vectors.report("cobo-mpc/secp256k1-vectors.json (addresses)", passed, "xpub -> address");
    }

    @Test
    void validationRejections() {
        Secp256k1Point pub = Secp256k1.GROUP.mulBase(java.math.BigInteger.valueOf(12345));
        for (String chain : new String[] {"BTC", "XTN", "REGTEST_BTC"}) {
            for (AddressEncoding enc : Chain.of(chain).encodings()) {
                String a = Addresses.of(chain, enc, pub);
                assertEquals(enc, Addresses.parse(chain, a).encoding(), chain + " " + enc);
                // upper-case bech32 is valid, mixed case is not
                if (enc == AddressEncoding.P2WPKH || enc == AddressEncoding.P2TR) {
                    assertTrue(Addresses.isValid(chain, a.toUpperCase()));
                    String mixed = a.substring(0, a.length() - 1) + Character.toUpperCase(a.charAt(a.length() - 1));
                    if (!mixed.equals(a)) {
                        assertFalse(Addresses.isValid(chain, mixed));
                    }
                }
                // a changed character breaks the checksum
                int i = a.length() - 3;
                String bad = a.substring(0, i) + (a.charAt(i) == 'q' ? 'p' : 'q') + a.substring(i + 1);
                assertFalse(Addresses.isValid(chain, bad), bad);
                // truncated
                assertFalse(Addresses.isValid(chain, a.substring(0, a.length() - 1)));
            }
        }
        // wrong network
        assertFalse(Addresses.isValid("XTN", Addresses.of("BTC", AddressEncoding.P2PKH, pub)));
        assertFalse(Addresses.isValid("BTC", Addresses.of("XTN", AddressEncoding.P2WPKH, pub)));
        assertFalse(Addresses.isValid("BTC", Addresses.of("REGTEST_BTC", AddressEncoding.P2TR, pub)));
        assertFalse(Addresses.isValid("REGTEST_BTC", Addresses.of("BTC", AddressEncoding.P2TR, pub)));
        // wrong witness version / checksum variant: v1 program encoded with Bech32, v0 with Bech32m
        byte[] prog = pub.xOnly();
        byte[] data = Bytes.concat(new byte[] {1}, Bech32.convertBits(prog, 8, 5, true));
        assertFalse(Addresses.isValid("BTC", Bech32.encode("bc", data, Bech32.Variant.BECH32)));
        byte[] data0 = Bytes.concat(new byte[] {0}, Bech32.convertBits(Hashes.hash160(pub.encode()), 8, 5, true));
        assertFalse(Addresses.isValid("BTC", Bech32.encode("bc", data0, Bech32.Variant.BECH32M)));
        // v2 (valid BIP-350 syntax, not spendable today) is refused by the wallet validator
        assertFalse(Addresses.isValid("BTC", Bech32.encodeSegwit("bc", 2, prog)));
        // SOL: 32 bytes only, canonical base58
        assertTrue(Addresses.isValid("SOL", "11111111111111111111111111111111"));
        assertFalse(Addresses.isValid("SOL", Base58.encode(new byte[31])));
        assertFalse(Addresses.isValid("SOL", Base58.encode(new byte[33])));
        assertFalse(Addresses.isValid("SOL", "0OIl" + "1111111111111111111111111111"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.of("ETH", AddressEncoding.P2PKH, pub));
        assertThrows(IllegalArgumentException.class, () -> Chain.of("NOPE"));
        assertEquals(1L, Chain.of("ETH").evmChainId());
        assertEquals(5L, Chain.of("EVM:5").evmChainId());
    }
}
