package io.openwaas.wallet.domain;

import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.Chain;
import io.openwaas.crypto.address.ChainFamily;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.events.wallet.WalletBalanceUpdated;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.wallet.persistence.BalanceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The balance projection: applies {@code wallet.balance.updated} events ({@link WalletBalanceUpdated}) to table
 * {@code wallet_balance}, keyed (wallet, address, token), inside the caller's transaction together with the inbox
 * entry of the event id (a redelivery has no second effect).
 *
 * <p>An event carries the whole balance; it replaces the stored one only if its {@code sequence} is greater (one
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE stored.sequence < new.sequence}), so duplicates and late, older
 * events never move a balance backwards. Amounts are exact ({@code NUMERIC} / {@link BigDecimal}).
 */
@ApplicationScoped
public class BalanceProjection {

    /** The inbox consumer name. */
    public static final String CONSUMER = "wallet-service.balance-projection";
    private static final Logger LOG = Logger.getLogger(BalanceProjection.class);
    /** A non-negative plain decimal: no sign, exponent, leading zeros or trailing dot. */
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,59})(\\.[0-9]{1,36})?");

    /** What the projection did with an event. */
    public enum Outcome { APPLIED, STALE, DUPLICATE, UNKNOWN_WALLET }

    /** An event that cannot be applied as it is (it goes to the dead-letter topic). */
    public static final class MalformedEvent extends IllegalArgumentException {
        public MalformedEvent(String message) {
            super(message);
        }
    }

    /** A validated event. */
    public record Update(UUID walletId, String orgId, String address, String chainId, String tokenId,
                         BigDecimal total, BigDecimal available, BigDecimal locked, long sequence, long timestamp) {
    }

    private final BalanceRepository balances;
    private final Inbox inbox;
    private final Catalogue catalogue;

    public BalanceProjection(BalanceRepository balances, Inbox inbox, Catalogue catalogue) {
        this.balances = balances;
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    /**
     * Checks an event: UUID wallet id, organisation, chain libs/crypto knows, token, a valid address of the chain (EVM
     * addresses are stored EIP-55 checksummed), decimal amounts no finer than the token's decimals, sequence ≥ 1.
     *
     * @throws MalformedEvent naming the problem
     */
    public Update validate(WalletBalanceUpdated e) {
        if (e == null) {
            throw new MalformedEvent("no event data");
        }
        UUID wallet;
        try {
            wallet = UUID.fromString(String.valueOf(e.walletId()));
        } catch (IllegalArgumentException x) {
            throw new MalformedEvent("wallet_id is not a UUID");
        }
        if (e.orgId() == null || e.orgId().isEmpty()) {
            throw new MalformedEvent("org_id missing");
        }
        if (e.tokenId() == null || e.tokenId().isEmpty() || e.chainId() == null || e.chainId().isEmpty()) {
            throw new MalformedEvent("chain_id or token_id missing");
        }
        Chain chain;
        try {
            chain = Chain.of(e.chainId());
        } catch (IllegalArgumentException x) {
            throw new MalformedEvent("unknown chain_id " + e.chainId());
        }
        var token = catalogue.token(e.tokenId());
        if (token.isPresent() && !token.get().chainId().equals(e.chainId())) {
            throw new MalformedEvent("token " + e.tokenId() + " is not on chain " + e.chainId());
        }
        String address = "";
        if (e.address() != null && !e.address().isEmpty()) {
            try {
                var parsed = Addresses.parse(chain.id(), e.address());
                address = chain.family() == ChainFamily.EVM ? Addresses.eip55(parsed.payload()) : e.address();
            } catch (IllegalArgumentException x) {
                throw new MalformedEvent("address is not a valid " + chain.id() + " address");
            }
        }
        if (e.sequence() < 1) {
            throw new MalformedEvent("sequence must be at least 1");
        }
        int decimals = token.map(Catalogue.TokenEntry::decimal).orElse(36);
        return new Update(wallet, e.orgId(), address, e.chainId(), e.tokenId(), amount("total", e.total(), decimals),
                amount("available", e.available(), decimals), amount("locked", e.locked(), decimals), e.sequence(),
                e.timestamp());
    }

    private static BigDecimal amount(String field, String value, int decimals) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            throw new MalformedEvent(field + " is not a non-negative decimal string");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.scale() > decimals) {
            throw new MalformedEvent(field + " has more than " + decimals + " decimals");
        }
        return amount;
    }

    /** Applies a validated event; call inside a transaction. */
    public Uni<Outcome> apply(Update u, UUID eventId) {
        return inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
            if (!first) {
                LOG.debugf("wallet.balance.updated event %s delivered again, ignored", eventId);
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            return balances.getSession().chain(s -> s.createNativeQuery(
                                    "SELECT count(*) FROM wallet WHERE id = :w AND org_id = :o", Long.class)
                            .setParameter("w", u.walletId()).setParameter("o", u.orgId()).getSingleResult()
                            .chain(known -> {
                                if (known == 0) {
                                    LOG.warnf("wallet.balance.updated event %s is about wallet %s, which organisation "
                                            + "%s does not have; ignored", eventId, u.walletId(), u.orgId());
                                    return Uni.createFrom().item(Outcome.UNKNOWN_WALLET);
                                }
                                return s.createNativeQuery(
                                                "INSERT INTO wallet_balance (wallet_id, address, token_id, org_id, chain_id, "
                                                        + "total, available, locked, sequence, event_timestamp, updated_at) "
                                                        + "VALUES (:w, :a, :t, :o, :c, :total, :available, :locked, :seq, :ts, :now) "
                                                        + "ON CONFLICT (wallet_id, address, token_id) DO UPDATE SET "
                                                        + "total = EXCLUDED.total, available = EXCLUDED.available, "
                                                        + "locked = EXCLUDED.locked, sequence = EXCLUDED.sequence, "
                                                        + "chain_id = EXCLUDED.chain_id, "
                                                        + "event_timestamp = EXCLUDED.event_timestamp, "
                                                        + "updated_at = EXCLUDED.updated_at "
                                                        + "WHERE wallet_balance.sequence < EXCLUDED.sequence")
                                        .setParameter("w", u.walletId()).setParameter("a", u.address())
                                        .setParameter("t", u.tokenId()).setParameter("o", u.orgId())
                                        .setParameter("c", u.chainId()).setParameter("total", u.total())
                                        .setParameter("available", u.available()).setParameter("locked", u.locked())
                                        .setParameter("seq", u.sequence()).setParameter("ts", u.timestamp())
                                        .setParameter("now", System.currentTimeMillis())
                                        .executeUpdate()
                                        .map(n -> {
                                            if (n == 0) {
                                                LOG.debugf("wallet.balance.updated event %s (sequence %d) is not newer "
                                                        + "than the stored balance; ignored", eventId, u.sequence());
                                                return Outcome.STALE;
                                            }
                                            return Outcome.APPLIED;
                                        });
                            }));
        });
    }
}
