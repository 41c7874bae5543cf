package io.openwaas.transaction.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.tx.evm.EvmTransaction;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.events.transaction.TransactionType;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.platform.events.wallet.VaultKeys;
import io.openwaas.platform.money.Amounts;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.transaction.chain.EvmRpc;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.openwaas.transaction.persistence.TransactionRepository;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * A withdrawal after intake, each step one database transaction: {@link #build} (nonce under the address's row
 * lock, the EIP-1559 transaction, the KeySign command to the vault's signing group through the outbox:
 * {@code PendingSignature}); {@link #reported} (the signature checked to recover to the source address, the signed bytes
 * and hash stored before anything is broadcast: {@code Broadcasting}; or a signer rejected or failed: the reservation
 * released, the nonce given back); {@link #observe} (receipts: {@code Confirming}, then at the
 * threshold {@code Completed} or {@code Failed}/{@code FailedOnChain}, the ledger settled with the real fee).
 *
 * <p>One withdrawal per source address is being signed at a time, so a refused signature never leaves a nonce gap.
 */
@ApplicationScoped
public class Withdrawals {

    public static final String SIGN_PREFIX = "txsign-";
    private static final Logger LOG = Logger.getLogger(Withdrawals.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final long SIGN_TIMEOUT_MS = 120_000;

    private final TransactionRepository transactions;
    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Catalogue catalogue;
    private final ObjectMapper mapper;

    public Withdrawals(TransactionRepository transactions, Lifecycle lifecycle, Ledger ledger, Outbox outbox,
                       Catalogue catalogue, ObjectMapper mapper) {
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    /** Submitted withdrawals of a chain whose source address has none being signed, oldest first (one each). */
    public Uni<List<TransactionEntity>> ready(String chainId) {
        return transactions.find("chainId = ?1 and type = ?2 and status = ?3 and address not in (select w.address "
                                + "from TransactionEntity w where w.chainId = ?1 and w.type = ?2 and w.status = ?4) "
                                + "order by seq", chainId, TransactionType.WITHDRAWAL.wire(),
                        TransactionStatus.SUBMITTED.wire(), TransactionStatus.PENDING_SIGNATURE.wire()).list()
                .map(list -> list.stream().filter(distinctBy(t -> t.address)).toList());
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    /** Withdrawals to (re)broadcast: signed, and not sent in the last {@code resendAfterMs}. */
    public Uni<List<TransactionEntity>> toBroadcast(String chainId, long resendAfterMs) {
        return transactions.find("chainId = ?1 and type = ?2 and status = ?3 and rawTx is not null "
                        + "and (broadcastAt is null or broadcastAt < ?4) order by nonce", chainId,
                TransactionType.WITHDRAWAL.wire(), TransactionStatus.BROADCASTING.wire(),
                System.currentTimeMillis() - resendAfterMs).list();
    }

    /** Sent withdrawals of a chain not yet final. */
    public Uni<List<TransactionEntity>> inFlight(String chainId) {
        return transactions.find("chainId = ?1 and type = ?2 and status in (?3, ?4) and txHash is not null", chainId,
                TransactionType.WITHDRAWAL.wire(), TransactionStatus.BROADCASTING.wire(),
                TransactionStatus.CONFIRMING.wire()).list();
    }

    public Uni<Void> broadcasted(UUID id) {
        return transactions.update("broadcastAt = ?1 where id = ?2", System.currentTimeMillis(), id).replaceWithVoid();
    }

    /**
     * Builds and sends a Submitted withdrawal to its signers; nothing happens if it moved on meanwhile or its vault's
     * holders are not known yet.
     *
     * @param nodeNonce the node's pending transaction count of the source address
     */
    public Uni<Void> build(UUID id, long evmChainId, BigInteger nodeNonce, Optional<VaultKeys> vault) {
        return transactions.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(t -> {
            if (t == null || !TransactionStatus.SUBMITTED.wire().equals(t.status)) {
                return Uni.createFrom().voidItem();
            }
            if (vault.isEmpty() || !vault.get().orgId().equals(t.orgId)
                    || !t.rootPubkey.equals(vault.get().rootPubkeySecp256k1())) {
                LOG.debugf("withdrawal %s waits: vault %s's key holders are not known (wallet.vaults)", id, t.vaultId);
                return Uni.createFrom().voidItem();
            }
            VaultKeys keys = vault.get();
            return allocateNonce(t.chainId, t.address.toLowerCase(Locale.ROOT), nodeNonce).chain(nonce -> {
                t.nonce = nonce;
                var token = catalogue.token(t.tokenId).orElseThrow();
                EvmTransaction tx = EvmTransfers.build(t, evmChainId, token);
                t.unsignedRawTx = "0x" + HEX.formatHex(tx.signingPayload());
                t.signerGroupId = keys.groupId();
                t.signAttempt += 1;
                t.signRequestId = SIGN_PREFIX + t.id + "-" + t.signAttempt;
                t.status = TransactionStatus.PENDING_SIGNATURE.wire();
                t.subStatus = "PendingSignerProcessing";
                List<String> signers = keys.nodeIds().subList(0, 2);
                KeySignExtraInfo info = KeySignExtraInfo.builder().coboId(t.signRequestId).apiRequestId(t.requestId)
                        .coin(t.tokenId).decimal(token.decimal()).fromAddress(t.address)
                        .amount(Amounts.units(t.amount, token.decimal()).toString()).toAddress(t.counterparty)
                        .rawTxHex(t.unsignedRawTx).put("chain_id", t.chainId).put("token_id", t.tokenId)
                        .put("transaction_id", t.id.toString()).put("request_id", t.requestId).build();
                TssRequest request = new TssRequest(t.signRequestId, TssRequestType.KEY_SIGN, t.orgId, t.requestId,
                        System.currentTimeMillis(), SIGN_TIMEOUT_MS, null,
                        new TssRequest.KeySign(keys.groupId(), t.rootPubkey, signers, List.of(t.path),
                                List.of(HEX.formatHex(tx.signingHash())), List.of(), TssSignatureType.ECDSA,
                                info.json()),
                        null);
                LOG.infof("withdrawal %s: nonce %d, sign request %s to %s", t.id, nonce, t.signRequestId, signers);
                return lifecycle.changed(t)
                        .chain(() -> outbox.append(Topics.TSS_REQUESTS, EventType.TSS_REQUEST_SUBMITTED,
                                t.signRequestId, t.orgId, 1, request))
                        .replaceWithVoid();
            });
        });
    }

    private Uni<Long> allocateNonce(String chainId, String addressKey, BigInteger nodeNonce) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO evm_nonce (chain_id, address_key, "
                                + "next_nonce) VALUES (:c, :a, :n) ON CONFLICT DO NOTHING")
                        .setParameter("c", chainId).setParameter("a", addressKey).setParameter("n", nodeNonce.longValueExact())
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("SELECT next_nonce FROM evm_nonce WHERE chain_id = :c AND "
                                        + "address_key = :a FOR UPDATE", Long.class)
                                .setParameter("c", chainId).setParameter("a", addressKey).getSingleResult())
                        .chain(next -> {
                            // someone else may have sent from the address (the node knows): never reuse its nonce
                            long nonce = Math.max(next, nodeNonce.longValueExact());
                            return s.createNativeQuery("UPDATE evm_nonce SET next_nonce = :n WHERE chain_id = :c AND "
                                            + "address_key = :a")
                                    .setParameter("n", nonce + 1).setParameter("c", chainId).setParameter("a", addressKey)
                                    .executeUpdate().replaceWith(nonce);
                        }));
    }

    /**
     * A signer's report on a withdrawal's KeySign: the signature checked, assembled and stored ({@code Succeeded}), or
     * the withdrawal ended (a rejection or failure). Returns the withdrawal's chain, or null if the report changed
     * nothing (not ours, already decided, or a holder's report without the signature).
     *
     * @param evmChainId the EIP-155 chain id of a chain id
     */
    public Uni<String> reported(TssResult result, ToLongFunction<String> evmChainId) {
        return bySignRequest(result.requestId()).chain(t -> {
            if (t == null || !TransactionStatus.PENDING_SIGNATURE.wire().equals(t.status)) {
                return Uni.createFrom().item((String) null);
            }
            Uni<Void> step = result.status() == TssResultStatus.SUCCEEDED ? signed(t, result,
                    evmChainId.applyAsLong(t.chainId)) : refused(t, result);
            return step.replaceWith(t.chainId);
        });
    }

    private Uni<Void> signed(TransactionEntity t, TssResult result, long evmChainId) {
        if (result.signatures() == null || result.signatures().size() != 1) {
            return Uni.createFrom().voidItem(); // a holder's report without the signatures: the assembler sends them
        }
        var token = catalogue.token(t.tokenId).orElseThrow();
        EvmTransaction tx = EvmTransfers.build(t, evmChainId, token);
        TssResult.Signature s = result.signatures().get(0);
        byte[] raw;
        try {
            byte[] rs = HEX.parseHex(s.signature());
            EcdsaSignature sig = EcdsaSignature.parseCompact(rs, s.recoveryId() == null ? -1 : s.recoveryId());
            Secp256k1Point signer = Ecdsa.recover(tx.signingHash(), sig);
            if (!Addresses.eip55(Addresses.evmAccountId(signer)).equalsIgnoreCase(t.address)
                    || !HEX.formatHex(tx.signingHash()).equalsIgnoreCase(s.msgHash())) {
                throw new IllegalArgumentException("the signature does not recover to " + t.address);
            }
            raw = tx.encodeSigned(sig);
            EvmTransaction.Signed decoded = EvmTransaction.decodeSigned(raw);
            if (!Addresses.eip55(decoded.sender()).equalsIgnoreCase(t.address)) {
                throw new IllegalArgumentException("the signed transaction's sender is not " + t.address);
            }
        } catch (RuntimeException e) {
            LOG.errorf("withdrawal %s: signature from %s refused: %s", t.id, result.nodeId(), e.getMessage());
            return fail(t, TransactionStatus.FAILED, "SignatureVerificationFailed", e.getMessage());
        }
        t.rawTx = "0x" + HEX.formatHex(raw);
        t.txHash = "0x" + HEX.formatHex(EvmTransaction.transactionHash(raw));
        t.status = TransactionStatus.BROADCASTING.wire();
        t.subStatus = null;
        LOG.infof("withdrawal %s signed: %s (nonce %d), stored before broadcast", t.id, t.txHash, t.nonce);
        return lifecycle.changed(t);
    }

    /** A signer rejected (its callback server) or failed: nothing was signed. */
    private Uni<Void> refused(TransactionEntity t, TssResult result) {
        String why = result.nodeId() + ": " + (result.error() == null ? result.status() : result.error());
        return result.status() == TssResultStatus.REJECTED
                ? fail(t, TransactionStatus.REJECTED, "RejectedBySigner", why)
                : fail(t, TransactionStatus.FAILED, "FailedBySigner", why);
    }

    /**
     * {@code POST /v2/transactions/{id}/cancel}: a withdrawal not yet sent to its signers ({@code Submitted}) ends
     * {@code Rejected}/{@code CanceledByAPI} with its reservation released; one being signed or later cannot be
     * cancelled (2029), nor can another organisation's (404).
     */
    public Uni<TransactionEntity> cancel(String orgId, UUID id) {
        return transactions.find("id = ?1 and orgId = ?2", id, orgId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<TransactionEntity>firstResult().chain(t -> {
                    if (t == null) {
                        return Uni.createFrom().failure(ApiException.notFound("transaction", id));
                    }
                    if (!TransactionType.WITHDRAWAL.wire().equals(t.type)
                            || !TransactionStatus.SUBMITTED.wire().equals(t.status)) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.INVALID_STATUS, "transaction " + id + " is "
                                + t.status + (t.subStatus == null ? "" : "/" + t.subStatus)
                                + ": only a Submitted withdrawal can be cancelled"));
                    }
                    return fail(t, TransactionStatus.REJECTED, "CanceledByAPI", "cancelled through the API")
                            .replaceWith(t);
                });
    }

    /** Ends a withdrawal that never reached the chain: reservation released, its nonce given back. */
    private Uni<Void> fail(TransactionEntity t, TransactionStatus status, String subStatus, String reason) {
        t.status = status.wire();
        t.subStatus = subStatus;
        t.failedReason = reason;
        Long nonce = t.nonce;
        LOG.infof("withdrawal %s %s (%s): %s", t.id, status.wire(), subStatus, reason);
        Uni<Void> giveBack = nonce == null ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(s -> s.createNativeQuery("UPDATE evm_nonce SET next_nonce = :n "
                                + "WHERE chain_id = :c AND address_key = :a AND next_nonce = :next")
                        .setParameter("n", nonce).setParameter("next", nonce + 1).setParameter("c", t.chainId)
                        .setParameter("a", t.address.toLowerCase(Locale.ROOT)).executeUpdate()).replaceWithVoid();
        return giveBack.chain(() -> ledger.release(t)).chain(() -> lifecycle.changed(t));
    }

    private Uni<TransactionEntity> bySignRequest(String signRequestId) {
        return transactions.find("signRequestId", signRequestId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * What the node says of the sent withdrawals at height {@code head}: mined ones gain confirmations and settle at
     * the threshold; one whose block left the chain goes back to Broadcasting (the same bytes are sent again).
     */
    public Uni<Integer> observe(String chainId, long head, Map<UUID, Optional<EvmRpc.Receipt>> receipts) {
        return Deposits.sequentially(List.copyOf(receipts.keySet()), id -> transactions.findById(id,
                LockModeType.PESSIMISTIC_WRITE).chain(t -> {
                    if (t == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Optional<EvmRpc.Receipt> r = receipts.get(id);
                    boolean confirming = TransactionStatus.CONFIRMING.wire().equals(t.status);
                    if (r.isEmpty()) {
                        if (!confirming) {
                            return Uni.createFrom().voidItem();
                        }
                        LOG.infof("withdrawal %s (%s) lost its block %d: broadcasting the same bytes again", t.id,
                                t.txHash, t.blockNumber);
                        t.status = TransactionStatus.BROADCASTING.wire();
                        t.blockNumber = null;
                        t.blockHash = null;
                        t.blockTimestamp = null;
                        t.confirmedNum = 0;
                        t.broadcastAt = null;
                        return lifecycle.changed(t);
                    }
                    EvmRpc.Receipt receipt = r.get();
                    int confirmations = (int) Math.min(Math.max(head - receipt.blockNumber() + 1, 0),
                            t.confirmingThreshold);
                    if (confirming && confirmations == t.confirmedNum && receipt.blockHash().equals(t.blockHash)) {
                        return Uni.createFrom().voidItem();
                    }
                    t.blockNumber = receipt.blockNumber();
                    t.blockHash = receipt.blockHash();
                    t.confirmedNum = confirmations;
                    t.gasUsed = receipt.gasUsed();
                    t.effectiveGasPrice = receipt.effectiveGasPrice();
                    int feeDecimals = catalogue.token(t.feeTokenId).orElseThrow().decimal();
                    t.feeUsed = Amounts.whole(receipt.gasUsed().multiply(receipt.effectiveGasPrice()), feeDecimals);
                    if (confirmations < t.confirmingThreshold) {
                        t.status = TransactionStatus.CONFIRMING.wire();
                        t.subStatus = Deposits.PENDING_BLOCK_CONFIRMATIONS;
                        return lifecycle.changed(t);
                    }
                    boolean succeeded = receipt.status() == 1;
                    t.status = succeeded ? TransactionStatus.COMPLETED.wire() : TransactionStatus.FAILED.wire();
                    t.subStatus = succeeded ? null : "FailedOnChain";
                    t.failedReason = succeeded ? null : "the transaction reverted on chain; the fee was paid";
                    LOG.infof("withdrawal %s %s in block %d, fee %s %s", t.id, t.status, t.blockNumber,
                            Amounts.plain(t.feeUsed), t.feeTokenId);
                    return ledger.settle(t, succeeded).chain(() -> lifecycle.changed(t));
                })).map(x -> receipts.size());
    }
}
