package io.openwaas.transaction.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Table {@code watched_address}; call inside a session or transaction. */
@ApplicationScoped
public class WatchedAddresses {

    private static final String COLUMNS = "chain_id, address_key, address, wallet_id, org_id, vault_id, wallet_type, "
            + "wallet_subtype, path, root_pubkey";

    /** Inserts an address; {@code false} if the chain already had it. */
    public Uni<Boolean> add(WatchedAddress a, String pubkey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO watched_address (" + COLUMNS
                                + ", pubkey, created_at) VALUES (:c, :k, :a, :w, :o, :v, :t, :st, :p, :root, :pub, :now) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter("c", a.chainId()).setParameter("k", a.addressKey())
                        .setParameter("a", a.address()).setParameter("w", a.walletId())
                        .setParameter("o", a.orgId()).setParameter("v", a.vaultId())
                        .setParameter("t", a.walletType()).setParameter("st", a.walletSubtype())
                        .setParameter("p", a.path()).setParameter("pub", pubkey).setParameter("root", a.rootPubkey())
                        .setParameter("now", System.currentTimeMillis()).executeUpdate())
                .map(n -> n == 1);
    }

    /** The watched addresses of a chain among some lookup keys. */
    public Uni<List<WatchedAddress>> find(String chainId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                                + " FROM watched_address WHERE chain_id = :c AND address_key IN (:keys)", Object[].class)
                        .setParameter("c", chainId).setParameter("keys", List.copyOf(keys)).getResultList())
                .map(WatchedAddresses::rows);
    }

    /** A wallet's watched addresses on a chain, if the wallet is the organisation's, oldest first. */
    public Uni<List<WatchedAddress>> ofWallet(String orgId, UUID walletId, String chainId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS + " FROM watched_address "
                                + "WHERE wallet_id = :w AND org_id = :o AND chain_id = :c ORDER BY created_at, address_key",
                        Object[].class)
                        .setParameter("w", walletId).setParameter("o", orgId).setParameter("c", chainId).getResultList())
                .map(WatchedAddresses::rows);
    }

    /** Whether the organisation has the wallet on any chain. */
    public Uni<Boolean> hasWallet(String orgId, UUID walletId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM watched_address WHERE wallet_id = :w AND org_id = :o", Long.class)
                        .setParameter("w", walletId).setParameter("o", orgId).getSingleResult())
                .map(n -> n > 0);
    }

    private static List<WatchedAddress> rows(List<Object[]> rows) {
        return rows.stream().map(r -> new WatchedAddress((String) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9])).toList();
    }
}
