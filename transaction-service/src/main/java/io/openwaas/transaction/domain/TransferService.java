package io.openwaas.transaction.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.events.transaction.TransactionType;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.platform.money.Amounts;
import io.openwaas.transaction.chain.ChainFollower;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.openwaas.transaction.persistence.TransactionRepository;
import io.openwaas.transaction.persistence.WatchedAddress;
import io.openwaas.transaction.persistence.WatchedAddresses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /v2/transactions/transfer}: every field is checked before anything is written; then, in one database
 * transaction under a lock on (organisation, {@code request_id}): a repeat of the same request returns the first
 * transaction, a different body with a used {@code request_id} is refused (12009); else the transaction row
 * ({@code Submitted}), the reservation in the ledger (available → locked: the amount, and the maximum fee in the fee
 * token) and the outbox event. A short balance refuses the transfer (12007) and changes nothing. Signing continues
 * asynchronously ({@link Withdrawals}).
 *
 * <p>Source: an MPC {@code Org-Controlled} wallet's address on the token's chain; with {@code source.address}
 * omitted, the wallet's address with the largest available balance of the token that covers the transfer (and its
 * fee) is used.
 */
@ApplicationScoped
public class TransferService {

    /** The answer: {@code {request_id, transaction_id, status}}. */
    public record Submitted(String requestId, String transactionId, TransactionStatus status) {
    }

    /** What was asked, checked. */
    record Request(String requestId, UUID walletId, String sourceAddress, Catalogue.TokenEntry token,
                   Catalogue.TokenEntry feeToken, String destination, BigDecimal amount, BigInteger gasLimit,
                   BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, String description) {
    }

    static final BigInteger NATIVE_GAS = BigInteger.valueOf(21_000);
    static final BigInteger TOKEN_GAS = BigInteger.valueOf(100_000);
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,40})(\\.[0-9]{1,36})?");
    private static final Pattern INTEGER = Pattern.compile("(0|[1-9][0-9]{0,40})");
    private static final int MAX_REQUEST_ID = 128;
    private static final ObjectMapper CANONICAL = JsonConfig.newMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Logger LOG = Logger.getLogger(TransferService.class);

    private final TransactionRepository transactions;
    private final WatchedAddresses watched;
    private final Ledger ledger;
    private final Lifecycle lifecycle;
    private final Catalogue catalogue;
    private final ChainFollower chains;
    private final FeeOracle fees;

    public TransferService(TransactionRepository transactions, WatchedAddresses watched, Ledger ledger,
                           Lifecycle lifecycle, Catalogue catalogue, ChainFollower chains, FeeOracle fees) {
        this.transactions = transactions;
        this.watched = watched;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.chains = chains;
        this.fees = fees;
    }

    public Uni<Submitted> transfer(String orgId, JsonNode body) {
        Request r = parse(body);
        String fingerprint = fingerprint(body);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                        .setParameter("k", orgId + "|" + r.requestId()).getSingleResult())
                .chain(() -> transactions.find("orgId = ?1 and requestId = ?2", orgId, r.requestId())
                        .<TransactionEntity>firstResult())
                .chain(existing -> {
                    if (existing != null) {
                        if (!fingerprint.equals(existing.requestFingerprint)) {
                            throw new ApiException(ErrorCode.DUPLICATE_REQUEST_ID, "request_id " + r.requestId()
                                    + " was used for another request");
                        }
                        return Uni.createFrom().item(submitted(existing));
                    }
                    return create(orgId, r, fingerprint);
                }))
                .invoke(() -> chains.wake(r.token().chainId())); // committed: its chain's pipeline may build it
    }

    private static Submitted submitted(TransactionEntity t) {
        return new Submitted(t.requestId, t.id.toString(), io.openwaas.platform.json.WireEnum.parse(
                TransactionStatus.class, "status", t.status));
    }

    private Uni<Submitted> create(String orgId, Request r, String fingerprint) {
        String chainId = r.token().chainId();
        return watched.ofWallet(orgId, r.walletId(), chainId).chain(addresses -> {
            if (addresses.isEmpty()) {
                return watched.hasWallet(orgId, r.walletId()).map(has -> {
                    if (!has) {
                        throw ApiException.notFound("wallet", r.walletId());
                    }
                    throw ApiException.invalid("source.wallet_id", "the wallet has no " + chainId + " address");
                });
            }
            BigDecimal reserve = Amounts.whole(r.gasLimit().multiply(r.maxFeePerGas()), r.feeToken().decimal());
            return source(r, addresses, reserve).chain(from -> {
                long now = System.currentTimeMillis();
                TransactionEntity t = new TransactionEntity();
                t.id = UUID.randomUUID();
                t.orgId = orgId;
                t.walletId = r.walletId();
                t.walletType = from.walletType();
                t.walletSubtype = from.walletSubtype();
                t.vaultId = from.vaultId();
                t.type = TransactionType.WITHDRAWAL.wire();
                t.status = TransactionStatus.SUBMITTED.wire();
                t.requestId = r.requestId();
                t.requestFingerprint = fingerprint;
                t.description = r.description();
                t.chainId = chainId;
                t.tokenId = r.token().tokenId();
                t.feeTokenId = r.feeToken().tokenId();
                t.address = from.address();
                t.counterparty = r.destination();
                t.amount = r.amount();
                t.reservedFee = reserve;
                t.gasLimit = r.gasLimit();
                t.maxFeePerGas = r.maxFeePerGas();
                t.maxPriorityFeePerGas = r.maxPriorityFeePerGas();
                t.path = from.path();
                t.rootPubkey = from.rootPubkey();
                t.confirmingThreshold = chains.threshold(chainId);
                t.createdTimestamp = now;
                t.updatedTimestamp = now;
                // The balance row is locked last, so concurrent transfers from one address queue on it briefly.
                return transactions.persistAndFlush(t)
                        .chain(() -> lifecycle.created(t))
                        .chain(() -> ledger.reserve(t))
                        .onFailure(Ledger.InsufficientBalance.class).recoverWithItem(false)
                        .map(ok -> {
                            if (!ok) {
                                throw new ApiException(ErrorCode.INSUFFICIENT_BALANCE, "insufficient balance at "
                                        + t.address + " for " + Amounts.plain(t.amount) + " " + t.tokenId
                                        + " and a fee of up to " + Amounts.plain(reserve) + " " + t.feeTokenId);
                            }
                            LOG.debugf("withdrawal %s: %s %s from %s to %s (request %s)", t.id, Amounts.plain(t.amount),
                                    t.tokenId, t.address, t.counterparty, t.requestId);
                            return submitted(t);
                        });
            });
        });
    }

    /** The source address: the one named, or the wallet's with the most of the token that covers the transfer. */
    private Uni<WatchedAddress> source(Request r, List<WatchedAddress> addresses, BigDecimal reserve) {
        if (r.sourceAddress() != null) {
            return Uni.createFrom().item(addresses.stream()
                    .filter(a -> a.address().equalsIgnoreCase(r.sourceAddress())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("source.address", r.sourceAddress()
                            + " is not an address of the wallet on " + r.token().chainId())));
        }
        boolean sameToken = r.token().tokenId().equals(r.feeToken().tokenId());
        BigDecimal need = sameToken ? r.amount().add(reserve) : r.amount();
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT b.address FROM balance b WHERE "
                                + "b.wallet_id = :w AND b.token_id = :t AND b.available >= :need AND (:same OR EXISTS "
                                + "(SELECT 1 FROM balance f WHERE f.wallet_id = b.wallet_id AND f.address = b.address "
                                + "AND f.token_id = :fee AND f.available >= :reserve)) ORDER BY b.available DESC, b.address "
                                + "LIMIT 1", String.class)
                        .setParameter("w", r.walletId()).setParameter("t", r.token().tokenId())
                        .setParameter("need", need).setParameter("same", sameToken)
                        .setParameter("fee", r.feeToken().tokenId()).setParameter("reserve", reserve).getResultList())
                .map(found -> {
                    if (found.isEmpty()) {
                        throw new ApiException(ErrorCode.INSUFFICIENT_BALANCE, "no address of the wallet holds "
                                + Amounts.plain(r.amount()) + " " + r.token().tokenId() + " and the fee");
                    }
                    return addresses.stream().filter(a -> a.address().equals(found.get(0))).findFirst().orElseThrow();
                });
    }

    /**
     * {@code POST /v2/transactions/estimate_fee} for a {@code Transfer} on an EVM chain: the three EIP-1559 levels
     * from the node's latest base fee and suggested priority fee, the gas limit a transfer of the token gets, and the
     * fee reserved at that level ({@code gas_limit × max_fee_per_gas}, in the fee token).
     */
    public ObjectNode estimateFee(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object (EstimateFeeParams)");
        }
        String requestType = text(body, "request_type", true);
        if (!requestType.equals("Transfer")) {
            throw ApiException.invalid("request_type", "only Transfer is supported, not " + requestType);
        }
        if (body.hasNonNull("fee_type") && !body.get("fee_type").asText().equals("EVM_EIP_1559")) {
            throw ApiException.invalid("fee_type", "only EVM_EIP_1559 is supported");
        }
        String tokenId = text(body, "token_id", true);
        Catalogue.TokenEntry token = catalogue.token(tokenId).filter(Catalogue.TokenEntry::enabled)
                .filter(t -> chains.follows(t.chainId()))
                .orElseThrow(() -> new ApiException(ErrorCode.TOKEN_NOT_SUPPORTED, "token " + tokenId
                        + " is not supported"));
        Catalogue.TokenEntry feeToken = catalogue.token(token.feeTokenId()).orElseThrow();
        BigInteger gasLimit = token.isNative() ? NATIVE_GAS : TOKEN_GAS;
        FeeOracle.Levels levels = fees.levels(token.chainId()).orElseThrow(() -> new ApiException(
                ErrorCode.PROCESSING_ERROR, "no fee estimate for " + token.chainId() + " yet (its node has not answered)"));
        ObjectNode out = CANONICAL.createObjectNode().put("fee_type", "EVM_EIP_1559").put("token_id", feeToken.tokenId());
        level(out.putObject("slow"), levels.slow(), gasLimit, feeToken);
        level(out.putObject("recommended"), levels.recommended(), gasLimit, feeToken);
        level(out.putObject("fast"), levels.fast(), gasLimit, feeToken);
        return out;
    }

    private static void level(ObjectNode node, FeeOracle.Level level, BigInteger gasLimit, Catalogue.TokenEntry feeToken) {
        node.put("max_fee_per_gas", level.maxFeePerGas().toString())
                .put("max_priority_fee_per_gas", level.maxPriorityFeePerGas().toString())
                .put("gas_limit", gasLimit.toString())
                .put("reserved_fee", Amounts.plain(Amounts.whole(gasLimit.multiply(level.maxFeePerGas()),
                        feeToken.decimal())));
    }

    /** Every check that needs no database. */
    Request parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object (TransferParams)");
        }
        String requestId = text(body, "request_id", true);
        if (requestId.length() > MAX_REQUEST_ID) {
            throw ApiException.invalid("request_id", "at most " + MAX_REQUEST_ID + " characters");
        }
        JsonNode source = object(body, "source");
        String sourceType = text(source, "source_type", true);
        if (!sourceType.equals("Org-Controlled")) {
            throw ApiException.invalid("source.source_type", "only Org-Controlled (MPC) wallets are here, not "
                    + sourceType);
        }
        UUID walletId;
        try {
            walletId = UUID.fromString(text(source, "wallet_id", true));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("source.wallet_id", "must be a UUID");
        }
        String tokenId = text(body, "token_id", true);
        Catalogue.TokenEntry token = catalogue.token(tokenId).filter(Catalogue.TokenEntry::enabled)
                .orElseThrow(() -> new ApiException(ErrorCode.TOKEN_NOT_SUPPORTED, "token " + tokenId
                        + " is not supported"));
        if (!chains.follows(token.chainId())) {
            throw new ApiException(ErrorCode.TOKEN_NOT_SUPPORTED, "token " + tokenId + ": chain " + token.chainId()
                    + " has no node configured on this platform");
        }
        Catalogue.TokenEntry feeToken = catalogue.token(token.feeTokenId()).orElseThrow();
        String sourceAddress = text(source, "address", false);
        if (sourceAddress != null) {
            checkAddress("source.address", token.chainId(), sourceAddress);
        }
        JsonNode destination = object(body, "destination");
        String destinationType = text(destination, "destination_type", true);
        if (!destinationType.equals("Address")) {
            throw ApiException.invalid("destination.destination_type", "only Address is supported, not "
                    + destinationType);
        }
        if (destination.has("utxo_outputs") && !destination.get("utxo_outputs").isNull()) {
            throw ApiException.invalid("destination.utxo_outputs", token.chainId() + " is an account chain: use "
                    + "account_output");
        }
        JsonNode output = object(destination, "account_output");
        String to = checkAddress("destination.account_output.address", token.chainId(),
                text(output, "address", true));
        BigDecimal amount = amount("destination.account_output.amount", text(output, "amount", true), token.decimal());
        BigInteger gasLimit = token.isNative() ? NATIVE_GAS : TOKEN_GAS;
        FeeOracle.Level level = fees.levels(token.chainId()).map(FeeOracle.Levels::recommended).orElse(null);
        BigInteger maxFee = level == null ? null : level.maxFeePerGas();
        BigInteger tip = level == null ? null : level.maxPriorityFeePerGas();
        JsonNode fee = body.get("fee");
        if (fee != null && !fee.isNull()) {
            if (!fee.isObject()) {
                throw ApiException.invalid("fee", "must be an object (TransactionRequestFee)");
            }
            String feeType = fee.hasNonNull("fee_type") ? fee.get("fee_type").asText() : "EVM_EIP_1559";
            if (!feeType.equals("EVM_EIP_1559")) {
                throw ApiException.invalid("fee.fee_type", "only EVM_EIP_1559 is supported on " + token.chainId());
            }
            if (fee.hasNonNull("token_id") && !fee.get("token_id").asText().equals(feeToken.tokenId())) {
                throw ApiException.invalid("fee.token_id", "the fee token of " + token.chainId() + " is "
                        + feeToken.tokenId());
            }
            gasLimit = wei(fee, "gas_limit", gasLimit);
            maxFee = wei(fee, "max_fee_per_gas", maxFee);
            tip = wei(fee, "max_priority_fee_per_gas", tip);
        }
        if (maxFee == null || tip == null) {
            throw new ApiException(ErrorCode.PROCESSING_ERROR, "no fee estimate for " + token.chainId()
                    + " yet (its node has not answered); retry, or give fee.max_fee_per_gas and max_priority_fee_per_gas");
        }
        if (tip.compareTo(maxFee) > 0) {
            throw ApiException.invalid("fee.max_priority_fee_per_gas", "must not exceed max_fee_per_gas");
        }
        if (gasLimit.compareTo(NATIVE_GAS) < 0 || gasLimit.compareTo(BigInteger.valueOf(30_000_000)) > 0) {
            throw ApiException.invalid("fee.gas_limit", "must be from 21000 to 30000000");
        }
        JsonNode preCheck = body.get("pre_check");
        if (preCheck != null && preCheck.has("skip_checks") && preCheck.get("skip_checks").size() > 0) {
            throw ApiException.unsupported("pre_check.skip_checks (the fee is always reserved at intake)");
        }
        String description = text(body, "description", false);
        return new Request(requestId, walletId, sourceAddress, token, feeToken, to, amount, gasLimit, maxFee, tip,
                description);
    }

    private static String checkAddress(String field, String chainId, String address) {
        try {
            var parsed = Addresses.parse(chainId, address);
            return Addresses.eip55(parsed.payload());
        } catch (RuntimeException e) {
            throw ApiException.invalid(field, "'" + address + "' is not a valid " + chainId + " address");
        }
    }

    private static BigDecimal amount(String field, String value, int decimals) {
        if (!DECIMAL.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be a positive decimal string, e.g. \"1.5\"");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            throw ApiException.invalid(field, "must be greater than 0");
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw ApiException.invalid(field, "has more than the token's " + decimals + " decimals");
        }
        return amount;
    }

    private static BigInteger wei(JsonNode fee, String field, BigInteger fallback) {
        JsonNode v = fee.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return fallback;
        }
        String text = v.isNumber() ? v.asText() : v.isTextual() ? v.asText() : "";
        if (!INTEGER.matcher(text).matches()) {
            throw ApiException.invalid("fee." + field, "must be a non-negative integer (wei)");
        }
        return new BigInteger(text);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.missing(field);
        }
        if (!v.isObject()) {
            throw ApiException.invalid(field, "must be an object");
        }
        return v;
    }

    private static String text(JsonNode parent, String field, boolean required) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            if (required) {
                throw ApiException.missing(field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return v.asText();
    }

    /** SHA-256 of the body with its keys sorted: two spellings of the same request are the same request. */
    static String fingerprint(JsonNode body) {
        try {
            Object canonical = CANONICAL.treeToValue(body, Object.class);
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
