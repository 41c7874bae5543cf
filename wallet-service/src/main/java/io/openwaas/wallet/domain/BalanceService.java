package io.openwaas.wallet.domain;

import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.api.Pagination;
import io.openwaas.wallet.persistence.BalanceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of the balance projection (reference §3.6).
 *
 * <p>A wallet's balance of a token ({@code GET /v2/wallets/{id}/tokens}) is its account-level balance if
 * transaction-service reports one for that token (address absent in the event), otherwise the sum over the wallet's
 * addresses. Tokens are listed in the order the projection first saw them (the cursor is that position).
 */
@ApplicationScoped
public class BalanceService {

    /** A balance in whole token units. */
    public record Amounts(String tokenId, BigDecimal total, BigDecimal available, BigDecimal locked, long position) {
    }

    private final BalanceRepository balances;
    private final AddressService addresses;

    public BalanceService(BalanceRepository balances, AddressService addresses) {
        this.balances = balances;
        this.addresses = addresses;
    }

    @WithSession
    public Uni<Page<Amounts>> ofWallet(String orgId, UUID walletId, Set<String> tokenIds, PageRequest page) {
        return addresses.findWallet(orgId, walletId).chain(wallet -> balances.getSession().chain(s -> s.createNativeQuery(
                        "SELECT token_id, min(seq), "
                                + "CASE WHEN bool_or(address = '') THEN sum(total) FILTER (WHERE address = '') ELSE sum(total) END, "
                                + "CASE WHEN bool_or(address = '') THEN sum(available) FILTER (WHERE address = '') ELSE sum(available) END, "
                                + "CASE WHEN bool_or(address = '') THEN sum(locked) FILTER (WHERE address = '') ELSE sum(locked) END "
                                + "FROM wallet_balance WHERE wallet_id = :w GROUP BY token_id ORDER BY 2", Object[].class)
                .setParameter("w", wallet.id).getResultList()))
                .map(rows -> {
                    List<Amounts> all = new ArrayList<>();
                    for (Object[] r : rows) {
                        String token = (String) r[0];
                        if (tokenIds.isEmpty() || tokenIds.contains(token)) {
                            all.add(new Amounts(token, (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                                    ((Number) r[1]).longValue()));
                        }
                    }
                    return byPosition(all, page);
                });
    }

    /** The balances at one address of the wallet (404 for another organisation's wallet or an unknown address). */
    @WithSession
    public Uni<Page<Amounts>> ofAddress(String orgId, UUID walletId, String address, Set<String> tokenIds,
                                        PageRequest page) {
        return addresses.find(orgId, walletId, address).chain(row -> {
            StringBuilder where = new StringBuilder("walletId = :w and address = :a");
            Map<String, Object> params = new HashMap<>();
            params.put("w", row.walletId);
            params.put("a", row.address);
            if (!tokenIds.isEmpty()) {
                where.append(" and tokenId in :t");
                params.put("t", List.copyOf(tokenIds));
            }
            return CursorPaging.page(balances, where.toString(), params, page, b -> b.seq)
                    .map(p -> p.map(b -> new Amounts(b.tokenId, b.total, b.available, b.locked, b.seq)));
        });
    }

    /** Cursor paging over a list already ordered by position, with the same cursors as {@link CursorPaging}. */
    static Page<Amounts> byPosition(List<Amounts> all, PageRequest page) {
        List<Amounts> window = new ArrayList<>();
        boolean more;
        boolean other;
        if (page.backwards()) {
            List<Amounts> before = all.stream().filter(a -> a.position() < page.before()).toList();
            int from = Math.max(0, before.size() - page.limit());
            window.addAll(before.subList(from, before.size()));
            more = from > 0;
            other = all.stream().anyMatch(a -> a.position() >= page.before());
        } else {
            List<Amounts> after = page.after() == null ? all
                    : all.stream().filter(a -> a.position() > page.after()).toList();
            window.addAll(after.subList(0, Math.min(page.limit(), after.size())));
            more = after.size() > page.limit();
            other = page.after() != null && all.stream().anyMatch(a -> a.position() <= page.after());
        }
        if (window.isEmpty()) {
            return new Page<>(window, new Pagination("", "", all.size()));
        }
        boolean hasBefore = page.backwards() ? more : other;
        boolean hasAfter = page.backwards() ? other : more;
        return new Page<>(window, new Pagination(
                hasBefore ? PageRequest.cursor(window.get(0).position()) : "",
                hasAfter ? PageRequest.cursor(window.get(window.size() - 1).position()) : "",
                all.size()));
    }
}
