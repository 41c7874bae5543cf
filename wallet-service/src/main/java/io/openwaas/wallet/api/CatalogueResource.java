package io.openwaas.wallet.api;

import io.openwaas.crypto.address.Addresses;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.ListPaging;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.catalogue.Catalogue.ChainEntry;
import io.openwaas.platform.catalogue.Catalogue.TokenEntry;
import io.openwaas.wallet.domain.WalletSubtype;
import io.openwaas.wallet.domain.WalletType;
import io.openwaas.platform.json.WireEnum;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reference §3.2 and §3.5: the chains and tokens this platform supports, and address validity on them. Every
 * chain is offered for MPC Org-Controlled wallets, the only kind this platform creates; asking for another wallet
 * type or subtype gives an empty list.
 */
@CoboAuth
@Path("/v2/wallets")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private static final int MAX_IDS = 500;
    private static final int MAX_ADDRESSES = 100;
    private static final int MAX_CHAINS = 20;

    private final Catalogue catalogue;

    public CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("chains")
    public Page<ChainInfo> chains(@RestQuery("wallet_type") String walletType,
                                  @RestQuery("wallet_subtype") String walletSubtype,
                                  @RestQuery("chain_ids") String chainIds,
                                  @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        return chainPage(false, walletType, walletSubtype, chainIds, limit, before, after);
    }

    @GET
    @Path("enabled_chains")
    public Page<ChainInfo> enabledChains(@RestQuery("wallet_type") String walletType,
                                         @RestQuery("wallet_subtype") String walletSubtype,
                                         @RestQuery("chain_ids") String chainIds,
                                         @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        return chainPage(true, walletType, walletSubtype, chainIds, limit, before, after);
    }

    @GET
    @Path("chains/{chain_id}")
    public ChainInfo chain(@RestPath("chain_id") String chainId) {
        return catalogue.chain(chainId).map(CatalogueResource::chainInfo)
                .orElseThrow(() -> ApiException.notFound("chain", chainId));
    }

    @GET
    @Path("tokens")
    public Page<TokenInfo> tokens(@RestQuery("wallet_type") String walletType,
                                  @RestQuery("wallet_subtype") String walletSubtype,
                                  @RestQuery("chain_ids") String chainIds, @RestQuery("token_ids") String tokenIds,
                                  @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        return tokenPage(false, walletType, walletSubtype, chainIds, tokenIds, limit, before, after);
    }

    @GET
    @Path("enabled_tokens")
    public Page<TokenInfo> enabledTokens(@RestQuery("wallet_type") String walletType,
                                         @RestQuery("wallet_subtype") String walletSubtype,
                                         @RestQuery("chain_ids") String chainIds,
                                         @RestQuery("token_ids") String tokenIds,
                                         @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        return tokenPage(true, walletType, walletSubtype, chainIds, tokenIds, limit, before, after);
    }

    @GET
    @Path("tokens/{token_id}")
    public TokenInfo token(@RestPath("token_id") String tokenId) {
        return catalogue.token(tokenId).map(CatalogueResource::tokenInfo)
                .orElseThrow(() -> ApiException.notFound("token", tokenId));
    }

    @GET
    @Path("check_address_validity")
    public AddressValidity.Single checkAddress(@RestQuery("chain_id") String chainId,
                                               @RestQuery String address) {
        ChainEntry chain = requireChain(chainId);
        if (address == null || address.isEmpty()) {
            throw ApiException.missing("address");
        }
        return new AddressValidity.Single(Addresses.isValid(chain.chainId(), address));
    }

    @GET
    @Path("check_addresses_validity")
    public List<AddressValidity.OfAddress> checkAddresses(@RestQuery("chain_id") String chainId,
                                                          @RestQuery String addresses) {
        ChainEntry chain = requireChain(chainId);
        List<String> list = list("addresses", addresses, MAX_ADDRESSES);
        if (list.isEmpty()) {
            throw ApiException.missing("addresses");
        }
        return list.stream().map(a -> new AddressValidity.OfAddress(a, Addresses.isValid(chain.chainId(), a))).toList();
    }

    @GET
    @Path("check_address_chains_validity")
    public List<AddressValidity.OfChain> checkAddressChains(@RestQuery String address,
                                                            @RestQuery("chain_ids") String chainIds) {
        if (address == null || address.isEmpty()) {
            throw ApiException.missing("address");
        }
        List<String> list = list("chain_ids", chainIds, MAX_CHAINS);
        if (list.isEmpty()) {
            throw ApiException.missing("chain_ids");
        }
        return list.stream().map(id -> new AddressValidity.OfChain(id, Addresses.isValid(requireChain(id).chainId(), address)))
                .toList();
    }

    private Page<ChainInfo> chainPage(boolean enabledOnly, String walletType, String walletSubtype, String chainIds,
                                      String limit, String before, String after) {
        boolean offered = offeredFor(walletType, walletSubtype);
        Set<String> ids = idSet("chain_ids", chainIds);
        PageRequest page = PageRequest.parse(limit, before, after);
        Predicate<ChainEntry> keep = c -> offered && (!enabledOnly || c.enabled())
                && (ids.isEmpty() || ids.contains(c.chainId()));
        return ListPaging.page(catalogue.chains().stream().filter(keep).toList(), page)
                .map(CatalogueResource::chainInfo);
    }

    private Page<TokenInfo> tokenPage(boolean enabledOnly, String walletType, String walletSubtype, String chainIds,
                                      String tokenIds, String limit, String before, String after) {
        boolean offered = offeredFor(walletType, walletSubtype);
        Set<String> chains = idSet("chain_ids", chainIds);
        Set<String> tokens = idSet("token_ids", tokenIds);
        PageRequest page = PageRequest.parse(limit, before, after);
        Predicate<TokenEntry> keep = t -> offered
                && (!enabledOnly || (t.enabled() && catalogue.chain(t.chainId()).map(ChainEntry::enabled).orElse(false)))
                && (chains.isEmpty() || chains.contains(t.chainId()))
                && (tokens.isEmpty() || tokens.contains(t.tokenId()));
        return ListPaging.page(catalogue.tokens().stream().filter(keep).toList(), page)
                .map(CatalogueResource::tokenInfo);
    }

    /** Whether the catalogue applies to this wallet type / subtype (only MPC Org-Controlled wallets exist here). */
    private static boolean offeredFor(String walletType, String walletSubtype) {
        WalletType type = WireEnum.parseOptional(WalletType.class, "wallet_type", walletType);
        WalletSubtype subtype = WireEnum.parseOptional(WalletSubtype.class, "wallet_subtype", walletSubtype);
        return (type == null || type == WalletType.MPC) && (subtype == null || subtype == WalletSubtype.ORG_CONTROLLED);
    }

    private ChainEntry requireChain(String chainId) {
        if (chainId == null || chainId.isEmpty()) {
            throw ApiException.missing("chain_id");
        }
        return catalogue.chain(chainId).orElseThrow(() -> ApiException.invalid("chain_id",
                "'" + chainId + "' is not a supported chain"));
    }

    private static Set<String> idSet(String parameter, String csv) {
        return new LinkedHashSet<>(list(parameter, csv, MAX_IDS));
    }

    private static List<String> list(String parameter, String csv, int max) {
        return Ids.csv(parameter, csv, max);
    }

    static ChainInfo chainInfo(ChainEntry c) {
        return new ChainInfo(c.chainId(), c.symbol(), c.iconUrl(), c.chainIdentifier(), c.explorerTxUrl(),
                c.explorerAddressUrl(), c.requireMemo(), c.confirmingThreshold(), c.coinbaseMaturity(), c.caip2ChainId());
    }

    static TokenInfo tokenInfo(TokenEntry t) {
        return new TokenInfo(t.tokenId(), t.chainId(), null, t.symbol(), t.name(), t.decimal(), t.iconUrl(),
                t.tokenAddress(), t.feeTokenId(), t.enabled(), t.enabled(), t.dustThreshold(),
                t.custodialMinimumDepositThreshold(), t.assetModelType());
    }
}
