package io.openwaas.wallet;

import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bitcoinj.core.Base58;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.LegacyAddress;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.core.Utils;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.params.TestNet3Params;
import org.bitcoinj.script.ScriptBuilder;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The addresses the API hands out, re-derived independently from the root keys the vault publishes
 * ({@code GET /v2/wallets/mpc/vaults/{id}} → {@code root_pubkeys}) along the paths the API reports: BIP-32 CKDpub
 * and Bitcoin addresses by bitcoinj 0.16.3 (P2PKH, P2SH-P2WPKH, P2WPKH, and P2TR with the BIP-341 tweak computed
 * here with BouncyCastle), EVM by web3j 4.13.0 (EIP-55), TRON by web3j + bitcoinj's Base58Check. The secp256k1 keys
 * are also checked from the private side (the test made the root key), so the key behind every address is the
 * vault key's child at that path. Solana: no second implementation of Cobo's ed25519 derivation exists, so the
 * child key comes from libs/crypto's {@code Ed25519ExtendedPublicKey} and only its encoding is checked
 * independently (BouncyCastle accepts the point, bitcoinj's Base58 gives the address).
 */
@QuarkusTest
class AddressCrossCheckTest {

    private static final int N = 25;

    @Test
    void everyAddressIsTheVaultKeysChildAtItsPath() throws Exception {
        SignedClient client = AddressSupport.organization();
        AddressSupport.KeyedVault vault = AddressSupport.vaultWithKeys(client);
        String wallet = AddressSupport.wallet(client, vault.vaultId());
        AddressSupport.wallet(client, vault.vaultId()); // so the next wallet has account number 1, not 0 only
        String wallet2 = AddressSupport.wallet(client, vault.vaultId());

        Response v = client.get("/v2/wallets/mpc/vaults/" + vault.vaultId());
        v.then().statusCode(200);
        List<Map<String, String>> roots = v.jsonPath().getList("root_pubkeys");
        String xpub = roots.stream().filter(r -> "SECP256K1".equals(r.get("curve"))).findFirst().orElseThrow()
                .get("root_pubkey");
        String cpub = roots.stream().filter(r -> "ED25519".equals(r.get("curve"))).findFirst().orElseThrow()
                .get("root_pubkey");
        assertEquals(vault.xpub(), xpub);
        DeterministicKey root = DeterministicKey.deserializeB58(xpub, MainNetParams.get());

        int checked = 0;
        for (String w : List.of(wallet, wallet2)) {
            checked += checkBitcoin(client, w, root, vault, "BTC", "ENCODING_BECH32", MainNetParams.get());
            checked += checkBitcoin(client, w, root, vault, "BTC", "ENCODING_P2PKH", MainNetParams.get());
            checked += checkBitcoin(client, w, root, vault, "BTC", "ENCODING_P2SH_P2WPKH", MainNetParams.get());
            checked += checkBitcoin(client, w, root, vault, "BTC", "ENCODING_P2TR", MainNetParams.get());
            checked += checkBitcoin(client, w, root, vault, "XTN", "ENCODING_BECH32", TestNet3Params.get());
            checked += checkBitcoin(client, w, root, vault, "XTN", "ENCODING_P2TR", TestNet3Params.get());
            checked += checkAccountChain(client, w, root, vault, "ETH");
            checked += checkAccountChain(client, w, root, vault, "DEV_ETH");
            checked += checkAccountChain(client, w, root, vault, "TRON");
            checked += checkSolana(client, w, cpub);
        }
        assertEquals(2 * 10 * N, checked);
        System.out.printf("[addresses] %d API addresses re-derived from the vault's published root keys: "
                + "bitcoinj (BIP-32, P2PKH, P2SH-P2WPKH, P2WPKH, P2TR + BouncyCastle BIP-341), web3j (EVM, TRON), "
                + "SOL via libs/crypto + BouncyCastle/bitcoinj encoding: all equal%n", checked);
    }

    private static List<Map<String, Object>> create(SignedClient client, String wallet, String chain, String encoding) {
        Response r = client.post("/v2/wallets/" + wallet + "/addresses",
                "{\"chain_id\":\"" + chain + "\",\"count\":" + N + ",\"encoding\":\"" + encoding + "\"}");
        assertEquals(201, r.statusCode(), r.asString());
        List<Map<String, Object>> list = r.jsonPath().getList("$");
        assertEquals(N, list.size());
        return list;
    }

    /** bitcoinj public derivation from the published xpub, and private derivation from the root the test made. */
    private static DeterministicKey[] derive(DeterministicKey publicRoot, DeterministicKey privateRoot, String path,
                                             int coinType) {
        String[] parts = path.split("/");
        assertEquals("m", parts[0]);
        assertEquals(6, parts.length, path);
        assertEquals("44", parts[1]);
        assertEquals(Integer.toString(coinType), parts[2]);
        assertEquals("0", parts[4]);
        DeterministicKey pub = publicRoot;
        DeterministicKey prv = privateRoot;
        for (int i = 1; i < parts.length; i++) {
            assertTrue(parts[i].matches("[0-9]+"), "non-hardened: " + path);
            ChildNumber n = new ChildNumber(Integer.parseInt(parts[i]), false);
            pub = HDKeyDerivation.deriveChildKey(pub, n);
            prv = HDKeyDerivation.deriveChildKey(prv, n);
        }
        assertArrayEquals(prv.getPubKey(), pub.getPubKey());
        return new DeterministicKey[] {pub, prv};
    }

    private static int checkBitcoin(SignedClient client, String wallet, DeterministicKey root,
                                    AddressSupport.KeyedVault vault, String chain, String encoding,
                                    NetworkParameters params) throws Exception {
        for (Map<String, Object> a : create(client, wallet, chain, encoding)) {
            DeterministicKey key = derive(root, vault.secpRoot(), (String) a.get("path"), 0)[0];
            ECKey ec = ECKey.fromPublicOnly(key.getPubKey());
            assertEquals(key.getPublicKeyAsHex(), a.get("pubkey"));
            assertEquals(vault.xpub(), a.get("root_pubkey"));
            String expected = switch (encoding) {
                case "ENCODING_BECH32" -> SegwitAddress.fromKey(params, ec).toBech32();
                case "ENCODING_P2PKH" -> LegacyAddress.fromKey(params, ec).toBase58();
                case "ENCODING_P2SH_P2WPKH" -> LegacyAddress.fromScriptHash(params,
                        Utils.sha256hash160(ScriptBuilder.createP2WPKHOutputScript(ec).getProgram())).toBase58();
                case "ENCODING_P2TR" -> SegwitAddress.fromProgram(params, 1, bip341OutputKey(ec)).toBech32();
                default -> throw new IllegalArgumentException(encoding);
            };
            assertEquals(expected, a.get("address"), chain + " " + encoding + " at " + a.get("path"));
            if (encoding.equals("ENCODING_P2TR")) {
                assertEquals(Hex.toHexString(Arrays.copyOfRange(ec.getPubKey(), 1, 33)), a.get("x_only_pubkey"));
            }
        }
        return N;
    }

    private static int checkAccountChain(SignedClient client, String wallet, DeterministicKey root,
                                         AddressSupport.KeyedVault vault, String chain) {
        int coin = chain.equals("TRON") ? 195 : 60;
        for (Map<String, Object> a : create(client, wallet, chain, "ENCODING_DEFAULT")) {
            DeterministicKey[] keys = derive(root, vault.secpRoot(), (String) a.get("path"), coin);
            byte[] uncompressed = keys[0].getPubKeyPoint().getEncoded(false);
            String account = Keys.getAddress(Numeric.toHexStringNoPrefix(Arrays.copyOfRange(uncompressed, 1, 65)));
            // and from the private key: the address is spendable by the vault key's child
            assertEquals(account, Keys.getAddress(ECKeyPair.create(keys[1].getPrivKey())));
            String expected = chain.equals("TRON")
                    ? Base58.encodeChecked(0x41, Numeric.hexStringToByteArray(account))
                    : Keys.toChecksumAddress("0x" + account);
            assertEquals(expected, a.get("address"), chain + " at " + a.get("path"));
            assertEquals(keys[0].getPublicKeyAsHex(), a.get("pubkey"));
        }
        return N;
    }

    private static int checkSolana(SignedClient client, String wallet, String cpub) {
        Ed25519ExtendedPublicKey root = Ed25519ExtendedPublicKey.parse(cpub);
        for (Map<String, Object> a : create(client, wallet, "SOL", "ENCODING_DEFAULT")) {
            String path = (String) a.get("path");
            assertTrue(path.matches("m/44/501/[0-9]+/0/[0-9]+"), path);
            byte[] child = root.derive(DerivationPath.parse(path)).publicKey().encode();
            new Ed25519PublicKeyParameters(child, 0); // BouncyCastle accepts the point encoding
            assertEquals(Hex.toHexString(child), a.get("pubkey"));
            assertEquals(Base58.encode(child), a.get("address"));
            assertEquals(cpub, a.get("root_pubkey"));
        }
        return N;
    }

    /** BIP-341 / BIP-86: Q = lift_x(P.x) + int(tagged_hash("TapTweak", P.x))·G, with BouncyCastle's curve. */
    private static byte[] bip341OutputKey(ECKey key) throws Exception {
        byte[] x = Arrays.copyOfRange(key.getPubKey(), 1, 33);
        ECPoint even = ECKey.CURVE.getCurve().decodePoint(concat(new byte[] {2}, x));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] tag = sha.digest("TapTweak".getBytes(StandardCharsets.US_ASCII));
        sha.update(tag);
        sha.update(tag);
        sha.update(x);
        BigInteger t = new BigInteger(1, sha.digest());
        assertTrue(t.compareTo(ECKey.CURVE.getN()) < 0);
        ECPoint q = even.add(ECKey.CURVE.getG().multiply(t)).normalize();
        return q.getAffineXCoord().getEncoded();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
