package io.openwaas.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.kafka.RawEvents;
import io.openwaas.transaction.persistence.WatchedAddresses;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the tests of this module need from the rest of the platform, played at the contract boundary with real
 * records on the real broker: an organisation's API key on {@code iam.api-keys} (signed as wallet-service, whose key
 * the service pins), and a wallet's addresses on
 * {@code wallet.address.created}, derived from a fresh BIP-32 root the way wallet-service derives them.
 */
final class Support {

    static final ObjectMapper JSON = JsonConfig.newMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Support() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String responsePublicKey() {
        String seed = ConfigProvider.getConfig().getValue("openwaas.auth.response-signing-key", String.class);
        return ResponseSignature.fromSeedHex(seed).publicKeyHex();
    }

    /** An organisation's API client. */
    record Org(String orgId, SignedClient client) {
    }

    /** A new organisation with an API key of all scopes, once the service knows the key. */
    static Org newOrganization() {
        String org = UUID.randomUUID().toString();
        ApiKeyPair key = ApiKeyPair.random(CurveType.ED25519);
        long now = System.currentTimeMillis();
        RawEvents.send(bootstrap(), Topics.IAM_API_KEYS, key.apiKey(), EventType.API_KEY_UPDATED, "/wallet-service",
                org, 1, new ApiKeyRecord(key.apiKey(), org, "test", CurveType.ED25519,
                        List.of(Scope.READ, Scope.WRITE, Scope.SPEND), ApiKeyStatus.ACTIVE, null, now, now, 1),
                ControlKeys.WALLET_SERVICE);
        SignedClient client = new SignedClient(key, responsePublicKey());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/v2/transactions").statusCode() == 200);
        return new Org(org, client);
    }

    /** A wallet of an organisation: its vault's root key and the addresses it was given. */
    record Wallet(String orgId, UUID walletId, UUID vaultId, ExtendedPublicKey root) {

        /** The EVM address at {@code m/44/60/<account>/0/<index>}, as wallet-service derives it. */
        String address(int index) {
            return Addresses.of("DEV_ETH", AddressEncoding.DEFAULT, root.derive(path(index)).publicKey());
        }

        DerivationPath path(int index) {
            return DerivationPath.parse("m/44/60/0/0/" + index);
        }

        /** The addresses 0..count-1 as {@code wallet.address.created} lists them. */
        List<WalletAddressCreated.Address> addresses(int count) {
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> new WalletAddressCreated.Address(address(i), path(i).toString(),
                            HexFormat.of().formatHex(root.derive(path(i)).publicKey().encode()), null))
                    .toList();
        }

        /** Publishes {@code wallet.address.created} for the addresses 0..count-1, signed as wallet-service. */
        void announce(int count, long sequence) {
            announce(addresses(count), sequence);
        }

        void announce(List<WalletAddressCreated.Address> list, long sequence) {
            announce(list, sequence, ControlKeys.WALLET_SERVICE);
        }

        /** The same record, unsigned: what anyone on the broker can write. */
        void announceUnsigned(int count, long sequence) {
            announce(addresses(count), sequence, null);
        }

        private void announce(List<WalletAddressCreated.Address> list, long sequence, String signer) {
            RawEvents.send(bootstrap(), Topics.WALLET_ADDRESS_CREATED, walletId.toString(),
                    EventType.WALLET_ADDRESS_CREATED, "/wallet-service", orgId, sequence,
                    new WalletAddressCreated(walletId.toString(), orgId, vaultId.toString(), "MPC", "Org-Controlled",
                            "DEV_ETH", "ENCODING_DEFAULT", root.serialize(), list, System.currentTimeMillis()),
                    signer);
        }
    }

    /** Whether transaction-service watches a DEV_ETH address (its table, read in this JVM). */
    static boolean isWatched(String address) {
        WatchedAddresses watched = Arc.container().instance(WatchedAddresses.class).get();
        try {
            return !VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    watched.find("DEV_ETH", Set.of(address.toLowerCase(Locale.ROOT))))).isEmpty();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until transaction-service watches the addresses (it has stored their wallet.address.created). */
    static void awaitWatched(String... addresses) {
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(addresses).allMatch(Support::isWatched));
    }

    /** A wallet of a vault whose keys the TSS nodes hold. */
    static Wallet walletOf(String orgId, Vaults.Keyed vault) {
        return new Wallet(orgId, UUID.randomUUID(), vault.vaultId(), vault.root());
    }

    static Wallet newWallet(String orgId) {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        ExtendedPublicKey root = ExtendedPrivateKey.fromSeed(seed, Bip32Version.XPUB).neuter();
        return new Wallet(orgId, UUID.randomUUID(), UUID.randomUUID(), root);
    }

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }
}
