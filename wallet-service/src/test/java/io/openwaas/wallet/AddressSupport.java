package io.openwaas.wallet;

import io.openwaas.crypto.hd.Ed25519ExtendedPrivateKey;
import io.openwaas.crypto.util.Hex;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.testkit.auth.SignedClient;
import io.restassured.response.Response;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.params.MainNetParams;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import static io.openwaas.wallet.TssSupport.awaitRequestStatus;
import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.report;
import static io.openwaas.wallet.TssSupport.requestsPath;
import static io.openwaas.wallet.TssSupport.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Vaults with real root keys for address tests: the test plays the TSS nodes (as {@link TssSupport} does) and
 * reports a key generation whose keys it made itself — a random BIP-32 master key (bitcoinj) and a random Cobo
 * ed25519 root — so it can check derived addresses against the private side too.
 */
final class AddressSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A vault of {@code client}'s organisation with generated keys; the root private keys stay in the test. */
    record KeyedVault(String vaultId, String xpub, DeterministicKey secpRoot, String cpub) {
    }

    private AddressSupport() {
    }

    static KeyedVault vaultWithKeys(SignedClient client) {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(seed);
        String xpub = master.serializePubB58(MainNetParams.get());
        byte[] chainCode = new byte[32];
        RANDOM.nextBytes(chainCode);
        BigInteger k = new BigInteger(252, RANDOM).add(BigInteger.ONE);
        Ed25519ExtendedPrivateKey edRoot = Ed25519ExtendedPrivateKey.root(k, chainCode);
        String cpub = edRoot.neuter().serialize();
        String edPub = Hex.encode(edRoot.neuter().publicKey().encode());

        List<String> nodes = TssSupport.nodeIds("addr", 3);
        TssSupport.announceOnline(client, nodes);
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, nodes);
        Response r = client.post(requestsPath(vault), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + group + "\"}");
        assertEquals(201, r.statusCode(), r.asString());
        String request = r.jsonPath().getString("tss_request_id");
        List<TssResult.Key> keys = List.of(
                new TssResult.Key(TssCurve.SECP256K1, group, master.getPublicKeyAsHex(), xpub, "k1" + request, 2, nodes),
                new TssResult.Key(TssCurve.ED25519, group, edPub, cpub, "e1" + request, 2, nodes));
        for (String node : nodes) {
            report(succeeded(request, TssRequestType.KEY_GEN, node, keys));
        }
        awaitRequestStatus(client, vault, request, "Success");
        return new KeyedVault(vault, xpub, master, cpub);
    }

    static String wallet(SignedClient client, String vaultId) {
        return client.post("/v2/wallets", "{\"name\":\"deposits\",\"wallet_type\":\"MPC\",\"wallet_subtype\":"
                        + "\"Org-Controlled\",\"vault_id\":\"" + vaultId + "\"}")
                .then().statusCode(201).extract().path("wallet_id");
    }

    static SignedClient organization() {
        return Fixtures.newOrganization(CurveType.ED25519);
    }
}
