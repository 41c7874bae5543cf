package io.openwaas.crypto.crosscheck;

import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.schnorr.Taproot;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.LegacyAddress;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.params.RegTestParams;
import org.bitcoinj.params.TestNet3Params;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 3 item 7: 1000 random seeds and paths compared with independent implementations from Maven Central
 * (bitcoinj 0.16.3 for BIP-32 and Bitcoin addresses, web3j 4.13.0 for EVM addresses, web3j + bitcoinj's Base58Check
 * for TRON, BouncyCastle's Ed25519 key generation + bitcoinj's Base58 for SOL).
 */
class IndependentCrossCheckTest {

    private static final int CASES = 1000;

    @Test
    void thousandRandomKeysAndPaths() {
        Random rnd = new Random(20261121L);
        String[] chains = {"BTC", "XTN", "REGTEST_BTC"};
        NetworkParameters[] params = {MainNetParams.get(), TestNet3Params.get(), RegTestParams.get()};
        Bip32Version[] versions = {Bip32Version.XPUB, Bip32Version.TPUB, Bip32Version.TPUB};
        int checks = 0;
        for (int c = 0; c < CASES; c++) {
            int net = c % 3;
            byte[] seed = new byte[16 + rnd.nextInt(49)];
            rnd.nextBytes(seed);
            // a hardened account prefix (private derivation) then a non-hardened tail (public derivation)
            int hardened = rnd.nextInt(4);
            int tail = 1 + rnd.nextInt(3);
            List<Integer> prefix = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < hardened; i++) {
                prefix.add(rnd.nextInt(100) | DerivationPath.HARDENED);
            }
            for (int i = 0; i < tail; i++) {
                rest.add(rnd.nextInt(1 << 31 - 1) & 0x7fffffff);
            }

            ExtendedPrivateKey ours = ExtendedPrivateKey.fromSeed(seed, versions[net]);
            DeterministicKey theirs = HDKeyDerivation.createMasterPrivateKey(seed);
            ExtendedPrivateKey account = ours.derive(path(prefix));
            for (int i : prefix) {
                theirs = HDKeyDerivation.deriveChildKey(theirs, new ChildNumber(i));
            }
            assertEquals(theirs.serializePrivB58(params[net]), account.serialize());
            assertEquals(theirs.serializePubB58(params[net]), account.neuter().serialize());

            // public derivation of the tail from the extended public key only, with its tweak
            ExtendedPublicKey xpub = ExtendedPublicKey.parse(account.neuter().serialize());
            ExtendedPublicKey.Derived derived = xpub.deriveWithTweak(path(rest));
            DeterministicKey theirsPub = theirs.dropPrivateBytes();
            DeterministicKey theirsPrv = theirs;
            for (int i : rest) {
                theirsPub = HDKeyDerivation.deriveChildKey(theirsPub, new ChildNumber(i));
                theirsPrv = HDKeyDerivation.deriveChildKey(theirsPrv, new ChildNumber(i));
            }
            assertArrayEquals(theirsPub.getPubKey(), derived.key().publicKey().encode());
            assertEquals(theirsPub.serializePubB58(params[net]), derived.key().serialize());
            // the tweak is what the signers add to their key: child = parent + t (mod n)
            BigInteger t = theirsPrv.getPrivKey().subtract(account.privateKey().scalar()).mod(Secp256k1.N);
            assertEquals(t, derived.tweak());
            assertEquals(theirsPrv.serializePrivB58(params[net]), account.derive(path(rest)).serialize());

            Secp256k1Point pub = derived.key().publicKey();
            ECKey ecKey = ECKey.fromPublicOnly(pub.encode());
            String chain = chains[net];
            assertEquals(LegacyAddress.fromKey(params[net], ecKey).toString(),
                    Addresses.of(chain, AddressEncoding.P2PKH, pub));
            assertEquals(LegacyAddress.fromScriptHash(params[net], Hashes.hash160(Addresses.p2wpkhProgramScript(pub)))
                    .toString(), Addresses.of(chain, AddressEncoding.P2SH_P2WPKH, pub));
            assertEquals(SegwitAddress.fromKey(params[net], ecKey).toString(),
                    Addresses.of(chain, AddressEncoding.P2WPKH, pub));
            byte[] outputKey = Taproot.tweakPublicKey(pub, null).outputKey();
            assertEquals(SegwitAddress.fromProgram(params[net], 1, outputKey).toBech32(),
                    Addresses.of(chain, AddressEncoding.P2TR, pub));
            // EVM / TRON share the keccak account id; web3j is the reference for EVM
            String web3j = Keys.toChecksumAddress(Keys.getAddress(ECKeyPair.create(theirsPrv.getPrivKey())));
            assertEquals(web3j, Addresses.of("ETH", AddressEncoding.DEFAULT, pub));
            // TRON: bitcoinj's Base58Check over 0x41 || web3j's 20-byte address
            assertEquals(org.bitcoinj.core.Base58.encodeChecked(0x41,
                    org.web3j.utils.Numeric.hexStringToByteArray(Keys.getAddress(ECKeyPair.create(
                            theirsPrv.getPrivKey())))), Addresses.of("TRON", AddressEncoding.DEFAULT, pub));
            // SOL: BouncyCastle's RFC 8032 public key of a random seed, Base58 by bitcoinj
            byte[] edSeed = new byte[32];
            rnd.nextBytes(edSeed);
            byte[] bcPub = new byte[32];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(edSeed, 0, bcPub, 0);
            try (io.openwaas.crypto.keys.Ed25519PrivateKey ed = io.openwaas.crypto.keys.Ed25519PrivateKey.fromSeed(
                    edSeed)) {
                assertEquals(org.bitcoinj.core.Base58.encode(bcPub),
                        Addresses.of("SOL", AddressEncoding.DEFAULT, ed.publicKey()));
            }
            checks++;
        }
        assertEquals(CASES, checks);
        System.out.printf("[crosscheck] %d random seeds/paths: BIP-32 xprv/xpub/CKDpub/tweak vs bitcoinj 0.16.3, "
                + "P2PKH/P2SH-P2WPKH/P2WPKH/P2TR vs bitcoinj, EVM vs web3j 4.13.0, TRON vs web3j + bitcoinj "
                + "Base58Check, SOL vs BouncyCastle Ed25519 + bitcoinj Base58: all equal%n", checks);
    }

    private static DerivationPath path(List<Integer> idx) {
        return new DerivationPath(idx.stream().mapToInt(Integer::intValue).toArray());
    }

}
