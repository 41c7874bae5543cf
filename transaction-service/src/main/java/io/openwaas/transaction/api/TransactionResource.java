package io.openwaas.transaction.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.auth.RequiresScope;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.transaction.Transaction;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.events.transaction.TransactionType;
import io.openwaas.platform.json.WireEnum;
import io.openwaas.transaction.domain.TransactionQueries;
import io.openwaas.transaction.domain.TransferService;
import io.openwaas.transaction.domain.Withdrawals;
import io.openwaas.transaction.domain.TransactionViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.UUID;

/**
 * Reference §3.7, the reading side: {@code GET /v2/transactions} with its filters and {@code GET
 * /v2/transactions/{id}} with the timeline. Another organisation's transaction answers 404.
 */
@CoboAuth
@Path("/v2/transactions")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {

    private static final int MAX_IDS = 100;

    private final CallerContext caller;
    private final TransactionQueries queries;
    private final ObjectMapper mapper;
    private final TransferService transfers;
    private final Withdrawals withdrawals;

    public TransactionResource(CallerContext caller, TransactionQueries queries, ObjectMapper mapper,
                               TransferService transfers, Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.caller = caller;
        this.queries = queries;
        this.mapper = mapper;
        this.transfers = transfers;
    }

    /** 201 {@code {request_id, transaction_id, status}}; a repeat of the same request answers the same. */
    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RequiresScope(Scope.SPEND)
    public Uni<TransferService.Submitted> transfer(JsonNode body) {
        return transfers.transfer(caller.orgId(), body);
    }

    /** 201 {@code EstimatedFee} ({@code EVM_EIP_1559}: slow, recommended, fast). */
    @POST
    @Path("estimate_fee")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public ObjectNode estimateFee(JsonNode body) {
        return transfers.estimateFee(body);
    }

    /** 201 {@code {request_id, transaction_id, status}}: a Submitted withdrawal is cancelled, its funds released. */
    @POST
    @Path("{transaction_id}/cancel")
    @ResponseStatus(201)
    @RequiresScope(Scope.SPEND)
    public Uni<TransferService.Submitted> cancel(@RestPath("transaction_id") String transactionId) {
        UUID id = Ids.uuid("transaction_id", transactionId);
        return Panache.withTransaction(() -> withdrawals.cancel(caller.orgId(), id))
                .map(t -> new TransferService.Submitted(t.requestId, t.id.toString(), TransactionStatus.REJECTED));
    }

    @GET
    public Uni<Page<Transaction>> list(@RestQuery("request_id") String requestId,
                                       @RestQuery("cobo_ids") String coboIds,
                                       @RestQuery("transaction_ids") String transactionIds,
                                       @RestQuery("transaction_hashes") String transactionHashes,
                                       @RestQuery String types, @RestQuery String statuses,
                                       @RestQuery("wallet_ids") String walletIds,
                                       @RestQuery("chain_ids") String chainIds,
                                       @RestQuery("token_ids") String tokenIds,
                                       @RestQuery("asset_ids") String assetIds,
                                       @RestQuery("vault_id") String vaultId,
                                       @RestQuery("wallet_type") String walletType,
                                       @RestQuery("wallet_subtype") String walletSubtype,
                                       @RestQuery("project_id") String projectId,
                                       @RestQuery("min_created_timestamp") String minCreated,
                                       @RestQuery("max_created_timestamp") String maxCreated,
                                       @RestQuery String direction,
                                       @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        if (present(coboIds) || present(assetIds) || present(projectId)) {
            throw ApiException.unsupported("cobo_ids, asset_ids and project_id filters (no exchange or custodial "
                    + "wallets here)");
        }
        boolean descending;
        if (direction == null || direction.isEmpty() || direction.equals("ASC")) {
            descending = false;
        } else if (direction.equals("DESC")) {
            descending = true;
        } else {
            throw ApiException.invalid("direction", "must be ASC or DESC");
        }
        var filter = new TransactionQueries.Filter(
                present(requestId) ? requestId : null,
                csv("transaction_ids", transactionIds).stream().map(id -> Ids.uuid("transaction_ids", id)).toList(),
                csv("transaction_hashes", transactionHashes).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                csv("types", types).stream().map(t -> WireEnum.parse(TransactionType.class, "types", t).wire()).toList(),
                csv("statuses", statuses).stream()
                        .map(s -> WireEnum.parse(TransactionStatus.class, "statuses", s).wire()).toList(),
                csv("wallet_ids", walletIds).stream().map(id -> Ids.uuid("wallet_ids", id)).toList(),
                csv("chain_ids", chainIds), csv("token_ids", tokenIds),
                Ids.optionalUuid("vault_id", vaultId),
                present(walletType) ? walletType : null, present(walletSubtype) ? walletSubtype : null,
                timestamp("min_created_timestamp", minCreated), timestamp("max_created_timestamp", maxCreated),
                descending);
        PageRequest page = PageRequest.parse(limit, before, after);
        return queries.list(caller.orgId(), filter, page).map(p -> p.map(TransactionViews::of));
    }

    @GET
    @Path("{transaction_id}")
    public Uni<ObjectNode> get(@RestPath("transaction_id") String transactionId) {
        UUID id = Ids.uuid("transaction_id", transactionId);
        return queries.detail(caller.orgId(), id).map(detail -> {
            ObjectNode body = mapper.valueToTree(TransactionViews.of(detail.getKey()));
            ArrayNode timeline = body.putArray("timeline");
            for (TransactionQueries.Step step : detail.getValue()) {
                timeline.addObject().put("status", step.status()).put("finished", true)
                        .put("finished_timestamp", step.finishedTimestamp());
            }
            return body;
        });
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static List<String> csv(String parameter, String value) {
        return Ids.csv(parameter, value, MAX_IDS);
    }

    private static Long timestamp(String parameter, String value) {
        if (!present(value)) {
            return null;
        }
        try {
            long ms = Long.parseLong(value);
            if (ms < 0) {
                throw ApiException.invalid(parameter, "must be a non-negative integer (milliseconds)");
            }
            return ms;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(parameter, "must be an integer (milliseconds)");
        }
    }
}
