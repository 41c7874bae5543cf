package io.openwaas.wallet.api;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.money.Amounts;
import io.openwaas.wallet.domain.AddressDerivation.Family;
import io.openwaas.wallet.domain.AddressService;
import io.openwaas.wallet.domain.BalanceService;
import io.openwaas.wallet.persistence.AddressEntity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reference §3.5 and §3.6: a wallet's addresses and its token balances. Another organisation's wallet, a deleted
 * wallet and an address the wallet does not have answer 404.
 */
@CoboAuth
@Path("/v2/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AddressResource {

    private static final int MAX_IDS = 500;

    private final CallerContext caller;
    private final AddressService addresses;
    private final BalanceService balances;

    public AddressResource(CallerContext caller, AddressService addresses, BalanceService balances) {
        this.caller = caller;
        this.addresses = addresses;
        this.balances = balances;
    }

    /** 201 with a top-level JSON array of {@code AddressInfo}. */
    @POST
    @Path("{wallet_id}/addresses")
    @ResponseStatus(201)
    public Uni<List<AddressInfo>> create(@RestPath("wallet_id") String walletId, @NotNull CreateAddressRequest request) {
        var wallet = Ids.uuid("wallet_id", walletId);
        if (request == null) {
            throw ApiException.missing("chain_id");
        }
        if (request.taprootScriptTreeHashes() != null && !request.taprootScriptTreeHashes().isEmpty()) {
            throw ApiException.unsupported("taproot_script_tree_hashes (tweaked Taproot addresses)");
        }
        if (request.taprootInternalAddress() != null && !request.taprootInternalAddress().isEmpty()) {
            throw ApiException.unsupported("taproot_internal_address (tweaked Taproot addresses)");
        }
        return addresses.create(caller.orgId(), wallet, request.chainId(), request.count(), request.encoding())
                .map(created -> created.addresses().stream().map(a -> info(a, created.rootPubkey())).toList());
    }

    @GET
    @Path("{wallet_id}/addresses")
    public Uni<Page<AddressInfo>> list(@RestPath("wallet_id") String walletId,
                                       @RestQuery("chain_ids") String chainIds,
                                       @RestQuery("chain_id") String chainId,
                                       @RestQuery String addresses,
                                       @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        var wallet = Ids.uuid("wallet_id", walletId);
        Set<String> chains = new LinkedHashSet<>(csv("chain_ids", chainIds));
        chains.addAll(csv("chain_id", chainId));
        // "address|memo": the memo is dropped (no chain here uses one)
        List<String> wanted = csv("addresses", addresses).stream()
                .map(a -> a.contains("|") ? a.substring(0, a.indexOf('|')) : a).filter(a -> !a.isEmpty()).toList();
        PageRequest page = PageRequest.parse(limit, before, after);
        return this.addresses.list(caller.orgId(), wallet, List.copyOf(chains), wanted, page)
                .map(listed -> listed.page().map(a -> info(a,
                        AddressService.rootKeyOrNull(listed.vault(), Family.valueOf(a.family)))));
    }

    @GET
    @Path("{wallet_id}/tokens")
    public Uni<Page<TokenBalance>> walletTokens(@RestPath("wallet_id") String walletId,
                                                @RestQuery("token_ids") String tokenIds,
                                                @RestQuery String limit, @RestQuery String before,
                                                @RestQuery String after) {
        var wallet = Ids.uuid("wallet_id", walletId);
        Set<String> tokens = new LinkedHashSet<>(csv("token_ids", tokenIds));
        PageRequest page = PageRequest.parse(limit, before, after);
        return balances.ofWallet(caller.orgId(), wallet, tokens, page).map(p -> p.map(AddressResource::balance));
    }

    @GET
    @Path("{wallet_id}/addresses/{address}/tokens")
    public Uni<Page<TokenBalance>> addressTokens(@RestPath("wallet_id") String walletId,
                                                 @RestPath("address") String address,
                                                 @RestQuery("token_ids") String tokenIds,
                                                 @RestQuery String limit, @RestQuery String before,
                                                 @RestQuery String after) {
        var wallet = Ids.uuid("wallet_id", walletId);
        String plain = address.contains("|") ? address.substring(0, address.indexOf('|')) : address;
        if (plain.isEmpty()) {
            throw ApiException.missing("address");
        }
        Set<String> tokens = new LinkedHashSet<>(csv("token_ids", tokenIds));
        PageRequest page = PageRequest.parse(limit, before, after);
        return balances.ofAddress(caller.orgId(), wallet, plain, tokens, page).map(p -> p.map(AddressResource::balance));
    }

    static AddressInfo info(AddressEntity a, String rootPubkey) {
        boolean taproot = "ENCODING_P2TR".equals(a.encoding);
        return new AddressInfo(a.address, a.chainId, null, a.path, a.encoding, a.pubkey, a.xOnlyPubkey, rootPubkey,
                null, taproot ? a.address : null);
    }

    static TokenBalance balance(BalanceService.Amounts b) {
        return new TokenBalance(b.tokenId(), new TokenBalance.Balance(Amounts.plain(b.total()),
                Amounts.plain(b.available()), Amounts.plain(b.locked())));
    }

    private static List<String> csv(String parameter, String value) {
        return Ids.csv(parameter, value, MAX_IDS);
    }
}
