package io.openwaas.transaction.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.Chain;
import io.openwaas.crypto.address.ChainFamily;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.outbox.OutboxRelay;
import io.openwaas.transaction.config.TransactionConfig;
import io.openwaas.transaction.domain.Deposits;
import io.openwaas.transaction.domain.FeeOracle;
import io.openwaas.transaction.domain.Withdrawals;
import io.openwaas.transaction.messaging.VaultDirectory;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.openwaas.transaction.persistence.WatchedAddress;
import io.openwaas.transaction.persistence.WatchedAddresses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One follower per EVM chain with an RPC URL ({@code openwaas.transaction.chains.<id>.rpc-url}), each on its own
 * thread: it polls the node for new blocks, checks each block's parent hash against the stored cursor (a mismatch is
 * a reorg: it walks back to the common ancestor and detaches the deposits above it), finds native value transfers
 * (receipt status 1) and ERC-20 {@code Transfer} logs of the catalogue's tokens to watched addresses, and records
 * each block in one database transaction ({@link Deposits#applyBlock}). The cursor is in the database, so a restart
 * resumes where it stopped: no block is skipped, none counted twice.
 *
 * <p>Not seen yet: value moved by contract calls (internal transactions); tokens outside the catalogue.
 */
@ApplicationScoped
public class ChainFollower {

    /** keccak256("Transfer(address,address,uint256)"). */
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final Logger LOG = Logger.getLogger(ChainFollower.class);

    /** What an operator sees of a follower (readiness, logs). */
    public record State(String chainId, String rpcUrl, boolean wrongChain, Long lastBlock, long lastSuccessMs,
                        String lastError) {
    }

    private final TransactionConfig config;
    private final Catalogue catalogue;
    private final Deposits deposits;
    private final WatchedAddresses watched;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final FeeOracle fees;
    private final Withdrawals withdrawals;
    private final VaultDirectory vaults;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final List<ScheduledExecutorService> executors = new ArrayList<>();

    public ChainFollower(TransactionConfig config, Catalogue catalogue, Deposits deposits, WatchedAddresses watched,
                         OutboxRelay relay, ObjectMapper mapper, FeeOracle fees, Withdrawals withdrawals,
                         VaultDirectory vaults) {
        this.fees = fees;
        this.withdrawals = withdrawals;
        this.vaults = vaults;
        this.config = config;
        this.catalogue = catalogue;
        this.deposits = deposits;
        this.watched = watched;
        this.relay = relay;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        config.chains().forEach((chainId, chain) -> chain.rpcUrl().filter(u -> !u.isBlank()).ifPresent(url -> {
            var entry = catalogue.chain(chainId).orElseThrow(() -> new IllegalStateException(
                    "openwaas.transaction.chains." + chainId + ": not a catalogue chain"));
            if (Chain.of(chainId).family() != ChainFamily.EVM) {
                throw new IllegalStateException("openwaas.transaction.chains." + chainId + ": only EVM chains are "
                        + "followed so far");
            }
            int threshold = chain.confirmingThreshold().orElse(Math.max(1, entry.confirmingThreshold()));
            Long evmChainId = expectedChainId(entry.caip2ChainId());
            if (evmChainId == null) {
                throw new IllegalStateException("catalogue chain " + chainId + " has no eip155 caip2_chain_id");
            }
            Follower f = new Follower(chainId, url, chain, new Deposits.Rules(threshold, chain.blocksKept(),
                    chain.reorgGraceBlocks()), evmChainId);
            followers.put(chainId, f);
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "chain-follower-" + chainId);
                t.setDaemon(true);
                return t;
            });
            executors.add(executor);
            states.put(chainId, new State(chainId, url, false, null, 0, "not polled yet"));
            executor.scheduleWithFixedDelay(f::pollSafely, 0, chain.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            ScheduledExecutorService pipeline = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "withdrawals-" + chainId);
                t.setDaemon(true);
                return t;
            });
            executors.add(pipeline);
            f.pipeline = pipeline;
            pipeline.scheduleWithFixedDelay(f::withdrawSafely, 0, 200, TimeUnit.MILLISECONDS);
            LOG.infof("following %s at %s (%d confirmations, reorgs up to %d blocks)", chainId, url, threshold,
                    chain.blocksKept());
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    public Map<String, State> states() {
        return Map.copyOf(states);
    }

    /** Whether this service follows (and can send on) a chain. */
    public boolean follows(String chainId) {
        return followers.containsKey(chainId);
    }

    /** The confirmations a transaction of a followed chain needs. */
    public int threshold(String chainId) {
        return followers.get(chainId).rules.threshold();
    }

    /** The EIP-155 chain id of a followed chain. */
    public long evmChainId(String chainId) {
        return followers.get(chainId).expectedChainId;
    }

    /** Asks the chain's withdrawal pipeline to run now (new work arrived). */
    public void wake(String chainId) {
        Follower f = followers.get(chainId);
        if (f != null && f.pipeline != null) {
            f.pipeline.execute(f::withdrawSafely);
        }
    }

    private static Long expectedChainId(String caip2) {
        return caip2 != null && caip2.startsWith("eip155:") ? Long.valueOf(caip2.substring(7)) : null;
    }

    private final class Follower {

        private final String chainId;
        private final String url;
        private final TransactionConfig.ChainConfig chain;
        private final Deposits.Rules rules;
        private final Long expectedChainId;
        private final EvmRpc rpc;
        private final String nativeToken;
        private final Map<String, String> tokensByContract;
        private volatile boolean chainChecked;
        private long lastWarning;
        private long lastPipelineWarning;
        private long feesAt = -1;
        private ScheduledExecutorService pipeline;

        Follower(String chainId, String url, TransactionConfig.ChainConfig chain, Deposits.Rules rules,
                 Long expectedChainId) {
            this.chainId = chainId;
            this.url = url;
            this.chain = chain;
            this.rules = rules;
            this.expectedChainId = expectedChainId;
            this.rpc = new EvmRpc(url, mapper, Duration.ofSeconds(10));
            this.nativeToken = catalogue.tokens().stream()
                    .filter(t -> t.chainId().equals(chainId) && t.isNative())
                    .map(Catalogue.TokenEntry::tokenId).findFirst().orElse(null);
            this.tokensByContract = catalogue.tokens().stream()
                    .filter(t -> t.chainId().equals(chainId) && t.enabled() && !t.isNative())
                    .collect(Collectors.toMap(Catalogue.TokenEntry::contract, Catalogue.TokenEntry::tokenId));
        }

        void pollSafely() {
            State s = states.get(chainId);
            if (s.wrongChain()) {
                return;
            }
            try {
                Long last = poll();
                states.put(chainId, new State(chainId, url, false, last != null ? last : s.lastBlock(),
                        System.currentTimeMillis(), null));
            } catch (WrongChain e) {
                LOG.errorf("%s: %s; not following it", chainId, e.getMessage());
                states.put(chainId, new State(chainId, url, true, s.lastBlock(), s.lastSuccessMs(), e.getMessage()));
            } catch (Throwable e) {
                states.put(chainId, new State(chainId, url, false, s.lastBlock(), s.lastSuccessMs(), e.toString()));
                long now = System.currentTimeMillis();
                if (now - lastWarning > 60_000) {
                    lastWarning = now;
                    LOG.warnf("%s follower at %s: %s (retrying every %s)", chainId, url, e, chain.pollInterval());
                }
            }
        }

        /** Processes the new blocks (at most maxBlocksPerPoll); returns the last one processed, or null. */
        private Long poll() {
            if (!chainChecked) {
                long id = rpc.chainId();
                if (expectedChainId != null && id != expectedChainId) {
                    throw new WrongChain("the node at " + url + " is chain " + id + ", the catalogue says "
                            + expectedChainId);
                }
                chainChecked = true;
            }
            long head = rpc.blockNumber();
            if (head != feesAt) { // the base fee changes with the blocks only
                fees.update(chainId, rpc.baseFee(), rpc.maxPriorityFeePerGas());
                feesAt = head;
            }
            Optional<Deposits.Block> cursor = await(() -> Panache.withSession(() -> deposits.cursor(chainId)));
            long next;
            Deposits.Block previous = cursor.orElse(null);
            if (previous == null) {
                next = "latest".equals(chain.startBlock()) ? head : Long.parseLong(chain.startBlock());
                LOG.infof("%s: no cursor yet, starting at block %d", chainId, next);
            } else {
                // the cursor block itself may have been replaced (a reorg at the same height)
                if (!previous.hash().equals(rpc.blockHash(previous.number()))) {
                    reorg(previous.number(), head);
                    return null;
                }
                next = previous.number() + 1;
            }
            Long last = null;
            for (int i = 0; i < chain.maxBlocksPerPoll() && next <= head; i++, next++) {
                EvmRpc.Block b = rpc.block(next);
                if (b == null) {
                    break;
                }
                if (previous != null && !b.parentHash().equals(previous.hash())) {
                    reorg(previous.number(), head);
                    return last;
                }
                Deposits.Block block = new Deposits.Block(b.number(), b.hash(), b.parentHash(), b.timestampMs());
                List<Deposits.Found> found = scan(b);
                int changed = await(() -> Panache.withTransaction(() -> deposits.applyBlock(chainId, block, found, rules)));
                if (changed > 0) {
                    relay.wake();
                }
                previous = block;
                last = b.number();
            }
            if (last != null) {
                track(last);
            }
            return last;
        }

        /** The receipts of the sent withdrawals, at the height just processed. */
        private void track(long head) {
            List<TransactionEntity> sent = await(() -> Panache.withSession(() -> withdrawals.inFlight(chainId)));
            if (sent.isEmpty()) {
                return;
            }
            Map<UUID, Optional<EvmRpc.Receipt>> receipts = new HashMap<>();
            for (TransactionEntity t : sent) {
                receipts.put(t.id, Optional.ofNullable(rpc.receipt(t.txHash)));
            }
            await(() -> Panache.withTransaction(() -> withdrawals.observe(chainId, head, receipts)));
            relay.wake();
        }

        void withdrawSafely() {
            if (!chainChecked) {
                return;
            }
            try {
                withdraw();
            } catch (Throwable e) {
                long now = System.currentTimeMillis();
                if (now - lastPipelineWarning > 60_000) {
                    lastPipelineWarning = now;
                    LOG.warnf(e, "%s withdrawals: %s (retrying)", chainId, e);
                }
            }
        }

        /** Builds what is ready to be signed, and broadcasts what is signed (again after 15 s while not mined). */
        private void withdraw() {
            List<TransactionEntity> ready = await(() -> Panache.withSession(() -> withdrawals.ready(chainId)));
            for (TransactionEntity t : ready) {
                BigInteger nodeNonce = rpc.pendingNonce(t.address);
                var keys = vaults.find(t.vaultId.toString());
                await(() -> Panache.withTransaction(() -> withdrawals.build(t.id, expectedChainId, nodeNonce, keys)));
                relay.wake();
            }
            List<TransactionEntity> signed = await(() -> Panache.withSession(() -> withdrawals.toBroadcast(chainId, 15_000)));
            for (TransactionEntity t : signed) {
                try {
                    String hash = rpc.sendRawTransaction(t.rawTx);
                    if (!hash.equals(t.txHash)) {
                        LOG.errorf("withdrawal %s: the node computed hash %s for the stored bytes of %s", t.id, hash,
                                t.txHash);
                    }
                    LOG.infof("withdrawal %s broadcast: %s", t.id, t.txHash);
                } catch (EvmRpc.RpcException e) {
                    // already in the pool or mined (a rebroadcast): the receipt decides
                    LOG.debugf("withdrawal %s broadcast: %s", t.id, e.getMessage());
                }
                await(() -> Panache.withTransaction(() -> withdrawals.broadcasted(t.id)));
            }
        }

        /** Walks back from {@code from} to the highest block whose stored hash the node still has, and rolls back. */
        private void reorg(long from, long head) {
            long k = from;
            while (true) {
                long height = k;
                Optional<Deposits.Block> stored = await(() -> Panache.withSession(() -> deposits.stored(chainId, height)));
                if (stored.isEmpty()) {
                    LOG.errorf("%s: reorg deeper than the %d blocks kept; resuming above block %d", chainId,
                            rules.blocksKept(), k);
                    break;
                }
                if (stored.get().hash().equals(rpc.blockHash(k))) {
                    break;
                }
                k--;
            }
            long ancestor = k;
            int detached = await(() -> Panache.withTransaction(() -> deposits.rollbackTo(chainId, ancestor, head)));
            LOG.warnf("%s: reorg, common ancestor block %d (was at %d); %d deposits lost their block", chainId,
                    ancestor, from, detached);
            relay.wake();
        }

        /** The value transfers of a block that may concern us: native ones to watched addresses, token logs. */
        private List<Deposits.Found> scan(EvmRpc.Block b) {
            List<Deposits.Found> found = new ArrayList<>();
            if (nativeToken != null) {
                List<EvmRpc.Tx> valued = b.transactions().stream()
                        .filter(t -> t.to() != null && t.value().signum() > 0).toList();
                Set<String> ours = ours(valued.stream().map(EvmRpc.Tx::to).collect(Collectors.toSet()));
                for (EvmRpc.Tx t : valued) {
                    EvmRpc.Receipt receipt = ours.contains(t.to()) ? rpc.receipt(t.hash()) : null;
                    if (receipt != null && receipt.status() == 1) {
                        found.add(new Deposits.Found(t.hash(), -1, eip55(t.from()), t.to(), nativeToken, t.value()));
                    }
                }
            }
            if (!tokensByContract.isEmpty()) {
                for (EvmRpc.Log l : rpc.logs(b.hash(), List.copyOf(tokensByContract.keySet()), TRANSFER_TOPIC)) {
                    if (l.topics().size() != 3 || l.data().length() != 66) {
                        continue; // not an ERC-20 Transfer (ERC-721 has the value indexed)
                    }
                    String to = "0x" + l.topics().get(2).substring(26);
                    BigInteger units = new BigInteger(l.data().substring(2), 16);
                    if (units.signum() > 0) {
                        found.add(new Deposits.Found(l.txHash(), l.logIndex(),
                                eip55("0x" + l.topics().get(1).substring(26)), to, tokensByContract.get(l.address()),
                                units));
                    }
                }
            }
            return found;
        }

        private Set<String> ours(Set<String> keys) {
            if (keys.isEmpty()) {
                return Set.of();
            }
            List<WatchedAddress> rows = await(() -> Panache.withSession(() -> watched.find(chainId, keys)));
            return rows.stream().map(WatchedAddress::addressKey).collect(Collectors.toSet());
        }
    }

    private static String eip55(String lowerHex) {
        return Addresses.eip55(HexFormat.of().parseHex(lowerHex.substring(2)));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class WrongChain extends RuntimeException {
        WrongChain(String message) {
            super(message);
        }
    }
}
