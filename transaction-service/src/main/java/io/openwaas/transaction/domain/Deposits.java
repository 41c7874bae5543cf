package io.openwaas.transaction.domain;

import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.events.transaction.TransactionType;
import io.openwaas.platform.money.Amounts;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.openwaas.transaction.persistence.TransactionRepository;
import io.openwaas.transaction.persistence.WatchedAddress;
import io.openwaas.transaction.persistence.WatchedAddresses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deposits, block by block (the chain followers call these, each in one database transaction per block): a value
 * transfer to a watched address appears {@code Confirming} with one confirmation (its own block); every later block
 * adds one ({@code transaction.updated}); at the chain's threshold it is {@code Completed}, credited to the ledger
 * and the balance published. A reorg detaches the deposits of the removed blocks (back to waiting for a block, zero
 * confirmations); one included again is attached to its new block, one that is not within the grace period fails
 * with sub-status {@code ReOrged}. A {@code Completed} deposit is never rolled back: the threshold is the reorg depth
 * the platform accepts.
 */
@ApplicationScoped
public class Deposits {

    public static final String PENDING_BLOCK_CONFIRMATIONS = "PendingBlockConfirmations";
    public static final String REORGED = "ReOrged";
    private static final Logger LOG = Logger.getLogger(Deposits.class);

    /** A value transfer seen in a block, to an address that may be ours ({@code toKey}: lower-case hex). */
    public record Found(String txHash, int logIndex, String from, String toKey, String tokenId, BigInteger units) {
    }

    /** A block as the follower stores it. */
    public record Block(long number, String hash, String parentHash, long timestampMs) {
    }

    /** A chain's confirmation rules. */
    public record Rules(int threshold, int blocksKept, int graceBlocks) {
    }

    private final TransactionRepository transactions;
    private final WatchedAddresses watched;
    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Catalogue catalogue;

    public Deposits(TransactionRepository transactions, WatchedAddresses watched, Lifecycle lifecycle, Ledger ledger,
                    Catalogue catalogue) {
        this.transactions = transactions;
        this.watched = watched;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    /** The highest stored block of a chain: the follower's cursor. Call inside a session. */
    public Uni<Optional<Block>> cursor(String chainId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT number, hash, parent_hash, timestamp "
                                + "FROM chain_block WHERE chain_id = :c ORDER BY number DESC LIMIT 1", Object[].class)
                        .setParameter("c", chainId).getResultList())
                .map(rows -> rows.stream().findFirst().map(Deposits::block));
    }

    /** The stored block at a height, if any. Call inside a session. */
    public Uni<Optional<Block>> stored(String chainId, long number) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT number, hash, parent_hash, timestamp "
                                + "FROM chain_block WHERE chain_id = :c AND number = :n", Object[].class)
                        .setParameter("c", chainId).setParameter("n", number).getResultList())
                .map(rows -> rows.stream().findFirst().map(Deposits::block));
    }

    private static Block block(Object[] r) {
        return new Block(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue());
    }

    /**
     * Records one block: new deposits, one more confirmation for the open ones, completions, and failures of
     * detached deposits past the grace period. Call inside a transaction; returns how many deposits changed.
     */
    public Uni<Integer> applyBlock(String chainId, Block b, List<Found> found, Rules rules) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO chain_block (chain_id, number, hash, "
                                + "parent_hash, timestamp) VALUES (:c, :n, :h, :p, :t)")
                        .setParameter("c", chainId).setParameter("n", b.number()).setParameter("h", b.hash())
                        .setParameter("p", b.parentHash()).setParameter("t", b.timestampMs()).executeUpdate()
                        .chain(() -> s.createNativeQuery("DELETE FROM chain_block WHERE chain_id = :c AND number < :n")
                                .setParameter("c", chainId).setParameter("n", b.number() - rules.blocksKept())
                                .executeUpdate()))
                .chain(() -> watched.find(chainId, found.stream().map(Found::toKey).collect(Collectors.toSet())))
                .chain(ours -> {
                    Map<String, WatchedAddress> byKey = ours.stream()
                            .collect(Collectors.toMap(WatchedAddress::addressKey, Function.identity()));
                    List<Found> deposits = found.stream().filter(f -> byKey.containsKey(f.toKey())).toList();
                    Set<UUID> touched = new HashSet<>();
                    int[] changed = {0};
                    return sequentially(deposits, f -> record(chainId, b, f, byKey.get(f.toKey()), rules)
                            .invoke(t -> {
                                if (t != null) {
                                    touched.add(t.id);
                                    changed[0]++;
                                }
                            }))
                            .chain(() -> transactions.find("chainId = ?1 and type = ?2 and status = ?3 "
                                            + "and blockNumber is not null", chainId, TransactionType.DEPOSIT.wire(),
                                    TransactionStatus.CONFIRMING.wire()).list())
                            .chain(open -> sequentially(open.stream().filter(t -> !touched.contains(t.id)).toList(),
                                    t -> confirm(t, b.number()).invoke(c -> changed[0] += c ? 1 : 0)))
                            .chain(() -> transactions.find("chainId = ?1 and type = ?2 and status = ?3 "
                                            + "and blockNumber is null and lostBlockAt <= ?4", chainId,
                                    TransactionType.DEPOSIT.wire(), TransactionStatus.CONFIRMING.wire(),
                                    b.number() - rules.graceBlocks()).list())
                            .chain(lost -> sequentially(lost, t -> {
                                t.status = TransactionStatus.FAILED.wire();
                                t.subStatus = REORGED;
                                t.failedReason = "its block left the chain in a reorg and it was not included again "
                                        + "within " + rules.graceBlocks() + " blocks";
                                changed[0]++;
                                LOG.infof("%s deposit %s (%s) failed: reorged out", chainId, t.id, t.txHash);
                                return lifecycle.changed(t);
                            }))
                            .map(x -> changed[0]);
                });
    }

    /** A new deposit, or a detached one included again; null if already recorded in a block. */
    private Uni<TransactionEntity> record(String chainId, Block b, Found f, WatchedAddress to, Rules rules) {
        return transactions.find("chainId = ?1 and type = ?2 and txHash = ?3 and logIndex = ?4 and address = ?5",
                        chainId, TransactionType.DEPOSIT.wire(), f.txHash(), f.logIndex(), to.address())
                .firstResult()
                .chain(existing -> {
                    if (existing == null) {
                        return create(chainId, b, f, to, rules);
                    }
                    if (existing.blockNumber == null && TransactionStatus.CONFIRMING.wire().equals(existing.status)) {
                        attach(existing, b);
                        LOG.infof("%s deposit %s (%s) included again in block %d", chainId, existing.id, f.txHash(),
                                b.number());
                        return settleIfDeep(existing).replaceWith(existing);
                    }
                    return Uni.createFrom().nullItem();
                });
    }

    private Uni<TransactionEntity> create(String chainId, Block b, Found f, WatchedAddress to, Rules rules) {
        int decimals = catalogue.token(f.tokenId()).orElseThrow().decimal();
        long now = System.currentTimeMillis();
        TransactionEntity t = new TransactionEntity();
        t.id = UUID.randomUUID();
        t.orgId = to.orgId();
        t.walletId = to.walletId();
        t.walletType = to.walletType();
        t.walletSubtype = to.walletSubtype();
        t.vaultId = to.vaultId();
        t.type = TransactionType.DEPOSIT.wire();
        t.status = TransactionStatus.CONFIRMING.wire();
        t.subStatus = PENDING_BLOCK_CONFIRMATIONS;
        t.chainId = chainId;
        t.tokenId = f.tokenId();
        t.address = to.address();
        t.counterparty = f.from();
        t.amount = Amounts.whole(f.units(), decimals);
        t.txHash = f.txHash();
        t.logIndex = f.logIndex();
        t.confirmingThreshold = rules.threshold();
        t.createdTimestamp = now;
        t.updatedTimestamp = now;
        attach(t, b);
        LOG.infof("%s deposit %s: %s %s to %s in %s (block %d)", chainId, t.id, Amounts.plain(t.amount), t.tokenId,
                t.address, t.txHash, b.number());
        // flushed now: the timeline and ledger rows written next refer to it
        return transactions.persistAndFlush(t)
                .chain(() -> lifecycle.created(t))
                .chain(() -> t.confirmedNum >= t.confirmingThreshold ? complete(t) : Uni.createFrom().voidItem())
                .replaceWith(t);
    }

    private static void attach(TransactionEntity t, Block b) {
        t.blockNumber = b.number();
        t.blockHash = b.hash();
        t.blockTimestamp = b.timestampMs();
        t.lostBlockAt = null;
        t.confirmedNum = 1;
        t.subStatus = PENDING_BLOCK_CONFIRMATIONS;
    }

    /** An included again deposit: its event, then completion if the threshold is 1. */
    private Uni<Void> settleIfDeep(TransactionEntity t) {
        return t.confirmedNum >= t.confirmingThreshold ? complete(t) : lifecycle.changed(t);
    }

    /** One more block on top of an open deposit's; true if it changed. */
    private Uni<Boolean> confirm(TransactionEntity t, long head) {
        int confirmations = (int) Math.min(head - t.blockNumber + 1, t.confirmingThreshold);
        if (confirmations <= t.confirmedNum) {
            return Uni.createFrom().item(false);
        }
        t.confirmedNum = confirmations;
        if (confirmations >= t.confirmingThreshold) {
            return complete(t).replaceWith(true);
        }
        return lifecycle.changed(t).replaceWith(true);
    }

    private Uni<Void> complete(TransactionEntity t) {
        t.status = TransactionStatus.COMPLETED.wire();
        t.subStatus = null;
        LOG.infof("%s deposit %s completed: %s %s to %s", t.chainId, t.id, Amounts.plain(t.amount), t.tokenId,
                t.address);
        return ledger.creditDeposit(t).chain(() -> lifecycle.changed(t));
    }

    /**
     * A reorg: forgets the blocks above the common ancestor and detaches the open deposits in them. Call inside a
     * transaction; returns how many deposits were detached.
     */
    public Uni<Integer> rollbackTo(String chainId, long ancestor, long head) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM chain_block WHERE chain_id = :c AND number > :n")
                        .setParameter("c", chainId).setParameter("n", ancestor).executeUpdate())
                .chain(() -> transactions.find("chainId = ?1 and type = ?2 and blockNumber > ?3", chainId,
                        TransactionType.DEPOSIT.wire(), ancestor).list())
                .chain(removed -> sequentially(removed, t -> {
                    if (!TransactionStatus.CONFIRMING.wire().equals(t.status)) {
                        LOG.errorf("%s reorg below block %d removes the block of %s deposit %s (%s); a deposit at its "
                                        + "confirmation threshold is not rolled back: check the chain's threshold",
                                chainId, ancestor + 1, t.status, t.id, t.txHash);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("%s deposit %s (%s) lost its block %d in a reorg", chainId, t.id, t.txHash, t.blockNumber);
                    t.blockNumber = null;
                    t.blockHash = null;
                    t.blockTimestamp = null;
                    t.confirmedNum = 0;
                    t.lostBlockAt = head;
                    return lifecycle.changed(t);
                }).map(x -> removed.size()));
    }

    /** Runs the steps one after the other (a reactive session is not concurrent). */
    static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<?>> step) {
        return Multi.createFrom().iterable(new ArrayList<>(items)).onItem().transformToUniAndConcatenate(step)
                .collect().last().replaceWithVoid();
    }
}
