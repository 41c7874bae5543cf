package io.openwaas.wallet.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.platform.outbox.OutboxRelay;
import io.openwaas.wallet.domain.AddressDerivation.Derived;
import io.openwaas.wallet.domain.AddressDerivation.Family;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.catalogue.Catalogue.ChainEntry;
import io.openwaas.wallet.persistence.AddressEntity;
import io.openwaas.wallet.persistence.AddressRepository;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.VaultRepository;
import io.openwaas.wallet.persistence.WalletEntity;
import io.openwaas.wallet.persistence.WalletRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deposit addresses of a wallet (reference §3.5), derived from the vault's root extended public key along the
 * documented path scheme ({@link AddressDerivation}).
 *
 * <p>One {@code create} is one database transaction: lock the wallet row (it must be the caller organisation's and
 * not deleted), allocate the wallet's account number in its vault on its first address, allocate the index range
 * with {@code INSERT … ON CONFLICT DO UPDATE … RETURNING} on the wallet's counter of the chain family, derive (on a
 * worker thread), insert every address with one statement, and append one {@code wallet.address.created} event to
 * the outbox. Concurrent requests on one wallet queue on the wallet row; a failure rolls back the counter with the
 * addresses, so indices are never skipped nor reused.
 */
@ApplicationScoped
public class AddressService {

    public static final int MAX_COUNT = 1000;
    /** Addresses per worker task when a batch is derived in parallel. */
    private static final int MIN_CHUNK = 250;
    private static final Logger LOG = Logger.getLogger(AddressService.class);

    private final WalletRepository wallets;
    private final VaultRepository vaults;
    private final AddressRepository addresses;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public AddressService(WalletRepository wallets, VaultRepository vaults, AddressRepository addresses,
                          Catalogue catalogue, Outbox outbox, OutboxRelay relay, ObjectMapper mapper, Vertx vertx) {
        this.wallets = wallets;
        this.vaults = vaults;
        this.addresses = addresses;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.relay = relay;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** Addresses as stored, with the root key they are relative to. */
    public record Created(List<AddressEntity> addresses, String rootPubkey) {
    }

    /** A page of a wallet's addresses and the vault's root keys (by family curve). */
    public record Listed(Page<AddressEntity> page, VaultEntity vault) {
    }

    /**
     * Creates {@code count} addresses; every argument is checked before anything is written.
     *
     * @param encodingName WaaS 2.0 encoding name, or null/empty for the chain's default
     */
    public Uni<Created> create(String orgId, UUID walletId, String chainId, Integer count, String encodingName) {
        ChainEntry chain = requireChain(chainId);
        AddressEncoding encoding = encoding(chain, encodingName);
        int n = count == null ? 1 : count;
        if (n < 1 || n > MAX_COUNT) {
            throw ApiException.invalid("count", "must be an integer from 1 to " + MAX_COUNT);
        }
        Family family = Family.of(chain.chainId());
        long[] t = new long[6];
        t[0] = System.nanoTime();
        return Panache.withTransaction(() -> lockWallet(orgId, walletId)
                        .chain(wallet -> vaults.findById(wallet.vaultId).chain(vault -> {
                            String root = rootKey(vault, family);
                            return allocateAccount(wallet)
                                    .chain(account -> allocateIndices(wallet.id, family, n)
                                            .invoke(() -> t[1] = System.nanoTime())
                                            .chain(first -> deriveOffLoop(root, chain.chainId(), encoding, account[0], first, n))
                                            .invoke(() -> t[2] = System.nanoTime())
                                            .chain(derived -> insert(wallet, chain.chainId(), family, encoding, derived))
                                            .invoke(() -> t[3] = System.nanoTime())
                                            .chain(rows -> publish(wallet, vault, chain.chainId(), encoding, root, account[1], rows)
                                                    .invoke(() -> t[4] = System.nanoTime())
                                                    .replaceWith(new Created(rows, root))));
                        })))
                .invoke(created -> {
                    relay.wake();
                    if (LOG.isDebugEnabled()) {
                        t[5] = System.nanoTime();
                        LOG.debugf("wallet %s: %d %s addresses in %.1f ms (lock and allocate %.1f, derive %.1f, "
                                + "insert %.1f, outbox %.1f, commit %.1f)", walletId, n, chain.chainId(),
                                ms(t[0], t[5]), ms(t[0], t[1]), ms(t[1], t[2]), ms(t[2], t[3]), ms(t[3], t[4]),
                                ms(t[4], t[5]));
                    }
                });
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    /** The wallet's addresses, oldest first, filtered by chain ids and addresses (either may be empty). */
    @WithSession
    public Uni<Listed> list(String orgId, UUID walletId, List<String> chainIds, List<String> addressFilter,
                            PageRequest page) {
        return findWallet(orgId, walletId).chain(wallet -> vaults.findById(wallet.vaultId).chain(vault -> {
            StringBuilder where = new StringBuilder("walletId = :walletId");
            Map<String, Object> params = new HashMap<>();
            params.put("walletId", wallet.id);
            if (!chainIds.isEmpty()) {
                where.append(" and chainId in :chainIds");
                params.put("chainIds", chainIds);
            }
            if (!addressFilter.isEmpty()) {
                // exact, except EVM hex addresses, which match in any letter case
                where.append(" and (address in :addresses or (address like '0x%' and lower(address) in :hex))");
                params.put("addresses", addressFilter);
                params.put("hex", addressFilter.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
            }
            return CursorPaging.page(addresses, where.toString(), params, page, a -> a.seq)
                    .map(p -> new Listed(p, vault));
        }));
    }

    /**
     * The wallet's address row for an address (EVM addresses match in any letter case); 404 if the wallet is not the
     * organisation's or has no such address.
     */
    @WithSession
    public Uni<AddressEntity> find(String orgId, UUID walletId, String address) {
        return findWallet(orgId, walletId).chain(wallet -> addresses
                .find("walletId = ?1 and lower(address) = ?2 order by seq", wallet.id,
                        address.toLowerCase(java.util.Locale.ROOT))
                .list()
                .map(rows -> rows.stream().filter(r -> r.address.equals(address)).findFirst()
                        .orElse(rows.stream().filter(r -> r.address.startsWith("0x")).findFirst().orElse(null)))
                .onItem().ifNull().failWith(() -> ApiException.notFound("address", address)));
    }

    /** The organisation's active wallet (404 otherwise). */
    public Uni<WalletEntity> findWallet(String orgId, UUID walletId) {
        return wallets.find("id = ?1 and orgId = ?2 and status = ?3", walletId, orgId, WalletEntity.ACTIVE)
                .firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("wallet", walletId));
    }

    /** The vault's root key for a family, by its curve (for the wire's {@code root_pubkey}). */
    public static String rootKeyOrNull(VaultEntity vault, Family family) {
        return vault == null ? null : family.ed25519() ? vault.rootPubkeyEd25519 : vault.rootPubkeySecp256k1;
    }

    // ------------------------------------------------------------------ validation

    private ChainEntry requireChain(String chainId) {
        if (chainId == null || chainId.isEmpty()) {
            throw ApiException.missing("chain_id");
        }
        ChainEntry chain = catalogue.chain(chainId).orElseThrow(() -> ApiException.invalid("chain_id",
                "'" + chainId + "' is not a supported chain"));
        if (!chain.enabled()) {
            throw ApiException.invalid("chain_id", "'" + chainId + "' is not enabled");
        }
        return chain;
    }

    private static AddressEncoding encoding(ChainEntry chain, String name) {
        String wanted = name == null || name.isEmpty() ? chain.defaultEncoding() : name;
        if (!chain.encodings().contains(wanted)) {
            throw ApiException.invalid("encoding", "'" + wanted + "' is not available on " + chain.chainId()
                    + " (allowed: " + String.join(", ", chain.encodings()) + ")");
        }
        return AddressEncoding.ofCoboName(wanted);
    }

    private static String rootKey(VaultEntity vault, Family family) {
        String root = rootKeyOrNull(vault, family);
        if (root == null) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "vault " + vault.id + " has no "
                    + (family.ed25519() ? "ED25519" : "SECP256K1")
                    + " root key yet: generate its keys first (a KeyGen TSS request on its Main Group)");
        }
        return root;
    }

    // ------------------------------------------------------------------ the transaction's steps

    private Uni<WalletEntity> lockWallet(String orgId, UUID walletId) {
        return wallets.find("id = ?1 and orgId = ?2 and status = ?3", walletId, orgId, WalletEntity.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).<WalletEntity>firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("wallet", walletId));
    }

    /** The wallet's account number (allocated from the vault's counter on first use) and its next event sequence. */
    private Uni<int[]> allocateAccount(WalletEntity wallet) {
        return session().chain(s -> s.createNativeQuery(
                                "UPDATE wallet_hd_account SET event_sequence = event_sequence + 1 WHERE wallet_id = :w "
                                        + "RETURNING account_index, event_sequence", Object[].class)
                        .setParameter("w", wallet.id).getResultList()
                        .chain(rows -> {
                            if (!rows.isEmpty()) {
                                return Uni.createFrom().item(accountOf(rows.get(0)));
                            }
                            return s.createNativeQuery(
                                            "INSERT INTO vault_hd_account_counter (vault_id, next_account) VALUES (:v, 1) "
                                                    + "ON CONFLICT (vault_id) DO UPDATE SET next_account = "
                                                    + "vault_hd_account_counter.next_account + 1 RETURNING next_account - 1",
                                            Integer.class)
                                    .setParameter("v", wallet.vaultId).getSingleResult()
                                    .chain(account -> s.createNativeQuery(
                                                    "INSERT INTO wallet_hd_account (wallet_id, vault_id, account_index, "
                                                            + "event_sequence) VALUES (:w, :v, :a, 1)")
                                            .setParameter("w", wallet.id).setParameter("v", wallet.vaultId)
                                            .setParameter("a", account).executeUpdate()
                                            .map(ignored -> new int[] {account, 1}));
                        }));
    }

    private static int[] accountOf(Object[] row) {
        return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
    }

    /** The first index of a range of {@code n} on the wallet's counter of the family. */
    private Uni<Long> allocateIndices(UUID walletId, Family family, int n) {
        return session().chain(s -> s.createNativeQuery(
                        "INSERT INTO wallet_address_counter (wallet_id, family, next_index) VALUES (:w, :f, :n) "
                                + "ON CONFLICT (wallet_id, family) DO UPDATE SET next_index = "
                                + "wallet_address_counter.next_index + EXCLUDED.next_index RETURNING next_index", Long.class)
                .setParameter("w", walletId).setParameter("f", family.name()).setParameter("n", (long) n)
                .getSingleResult()
                .map(next -> next - n));
    }

    private Uni<List<Derived>> deriveOffLoop(String root, String chainId, AddressEncoding encoding, int account,
                                             long first, int n) {
        if (first + n > (1L << 31)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INVALID_STATUS,
                    "the wallet has used every address index of this chain family"));
        }
        // Large batches are split over the cores (the worker pool); results come back on this context, in order.
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / MIN_CHUNK));
        List<Uni<List<Derived>>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            parts.add(vertx.executeBlocking(Uni.createFrom().item(
                    () -> AddressDerivation.derive(root, chainId, encoding, account, first + from, to - from)), false));
        }
        return Uni.join().all(parts).andFailFast().map(lists -> {
            List<Derived> all = new ArrayList<>(n);
            lists.forEach(all::addAll);
            return all;
        });
    }

    /**
     * One row of the bulk insert (short names keep the JSON small). The JSON goes as text and is cast in SQL: the
     * reactive driver would send a String bound straight to a jsonb parameter as a JSON string scalar.
     */
    record Row(int i, String a, String p, String k, String x) {
    }

    private Uni<List<AddressEntity>> insert(WalletEntity wallet, String chainId, Family family, AddressEncoding encoding,
                                            List<Derived> derived) {
        List<Row> rows = new ArrayList<>(derived.size());
        for (Derived d : derived) {
            rows.add(new Row(d.index(), d.address(), d.path(), d.pubkey(), d.xOnlyPubkey()));
        }
        String json;
        try {
            json = mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        long now = System.currentTimeMillis();
        return session().chain(s -> s.createNativeQuery(
                        "INSERT INTO wallet_address (org_id, wallet_id, chain_id, family, address_index, address, encoding, "
                                + "path, pubkey, x_only_pubkey, created_at) "
                                + "SELECT :org, :wallet, :chain, :family, r.i, r.a, :encoding, r.p, r.k, r.x, :now "
                                + "FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(i int, a text, p text, k text, x text) "
                                + "ORDER BY r.i RETURNING seq", Long.class)
                .setParameter("org", wallet.orgId).setParameter("wallet", wallet.id).setParameter("chain", chainId)
                .setParameter("family", family.name()).setParameter("encoding", encoding.coboName())
                .setParameter("now", now).setParameter("rows", json)
                .getResultList())
                .map(seqs -> {
                    List<AddressEntity> out = new ArrayList<>(derived.size());
                    for (int i = 0; i < derived.size(); i++) {
                        Derived d = derived.get(i);
                        AddressEntity e = new AddressEntity();
                        e.seq = i < seqs.size() ? seqs.get(i) : null;
                        e.orgId = wallet.orgId;
                        e.walletId = wallet.id;
                        e.chainId = chainId;
                        e.family = family.name();
                        e.addressIndex = d.index();
                        e.address = d.address();
                        e.encoding = encoding.coboName();
                        e.path = d.path();
                        e.pubkey = d.pubkey();
                        e.xOnlyPubkey = d.xOnlyPubkey();
                        e.createdAt = now;
                        out.add(e);
                    }
                    return out;
                });
    }

    private Uni<Void> publish(WalletEntity wallet, VaultEntity vault, String chainId, AddressEncoding encoding,
                              String root, long sequence, List<AddressEntity> rows) {
        List<WalletAddressCreated.Address> list = rows.stream()
                .map(a -> new WalletAddressCreated.Address(a.address, a.path, a.pubkey, a.xOnlyPubkey)).toList();
        WalletAddressCreated event = new WalletAddressCreated(wallet.id.toString(), wallet.orgId, vault.id.toString(),
                wallet.walletType.wire(), wallet.walletSubtype.wire(), chainId, encoding.coboName(), root, list, System.currentTimeMillis());
        return outbox.append(Topics.WALLET_ADDRESS_CREATED, EventType.WALLET_ADDRESS_CREATED, wallet.id.toString(),
                wallet.orgId, sequence, event).replaceWithVoid();
    }

    private Uni<Mutiny.Session> session() {
        return addresses.getSession();
    }
}
