package io.openwaas.platform.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.Chain;
import io.openwaas.crypto.address.ChainFamily;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chains and tokens this platform supports: configuration, not code ({@code catalogue/catalogue.json}, or the
 * file {@code openwaas.catalogue.file}). Checked when the service starts — every chain must be one libs/crypto
 * can derive and validate addresses for, every encoding one it knows, every token on a listed chain with a listed
 * fee token — so a bad catalogue stops the service instead of surfacing at a customer.
 */
@ApplicationScoped
public class Catalogue {

    /** A chain and what the platform does with it. */
    public record ChainEntry(String chainId, String symbol, String iconUrl, String chainIdentifier,
                             String explorerTxUrl, String explorerAddressUrl, boolean requireMemo,
                             int confirmingThreshold, int coinbaseMaturity, String caip2ChainId, boolean enabled,
                             List<String> encodings, String defaultEncoding) {
    }

    /** A token: amounts are decimal strings in the token's whole units. */
    public record TokenEntry(String tokenId, String chainId, String symbol, String name, int decimal, String iconUrl,
                             String tokenAddress, String feeTokenId, String dustThreshold,
                             String custodialMinimumDepositThreshold, String assetModelType, boolean enabled) {

        /** The chain's own coin (no contract), e.g. ETH. */
        public boolean isNative() {
            return tokenAddress == null || tokenAddress.isEmpty();
        }

        /** The token contract's address in lower case, or null for a native token. */
        public String contract() {
            return isNative() ? null : tokenAddress.toLowerCase(java.util.Locale.ROOT);
        }
    }

    record File(List<ChainEntry> chains, List<TokenEntry> tokens) {
    }

    private final Map<String, ChainEntry> chains = new LinkedHashMap<>();
    private final Map<String, TokenEntry> tokens = new LinkedHashMap<>();

    public Catalogue(ObjectMapper mapper, CatalogueConfig config) {
        File file = read(mapper, config.file());
        for (ChainEntry c : file.chains()) {
            check(c);
            if (chains.put(c.chainId(), c) != null) {
                throw new IllegalStateException("catalogue: chain " + c.chainId() + " listed twice");
            }
        }
        for (TokenEntry t : file.tokens()) {
            check(t);
            if (tokens.put(t.tokenId(), t) != null) {
                throw new IllegalStateException("catalogue: token " + t.tokenId() + " listed twice");
            }
        }
        for (TokenEntry t : tokens.values()) {
            if (!tokens.containsKey(t.feeTokenId())) {
                throw new IllegalStateException("catalogue: fee token " + t.feeTokenId() + " of " + t.tokenId()
                        + " is not listed");
            }
        }
    }

    public List<ChainEntry> chains() {
        return List.copyOf(chains.values());
    }

    public List<TokenEntry> tokens() {
        return List.copyOf(tokens.values());
    }

    public Optional<ChainEntry> chain(String chainId) {
        return Optional.ofNullable(chains.get(chainId));
    }

    public Optional<TokenEntry> token(String tokenId) {
        return Optional.ofNullable(tokens.get(tokenId));
    }

    private static File read(ObjectMapper mapper, Optional<String> path) {
        try {
            if (path.isPresent()) {
                return mapper.readValue(Files.readAllBytes(Path.of(path.get())), File.class);
            }
            try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream("catalogue/catalogue.json")) {
                if (in == null) {
                    throw new IllegalStateException("catalogue/catalogue.json missing from the classpath");
                }
                return mapper.readValue(in, File.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain and token catalogue", e);
        }
    }

    private static void check(ChainEntry c) {
        Chain chain = Chain.of(c.chainId()); // throws for a chain libs/crypto cannot handle
        EcPoint probe = chain.family() == ChainFamily.SOLANA ? Ed25519Group.GROUP.generator() : Secp256k1.GROUP.generator();
        Set<String> encodings = new HashSet<>();
        for (String e : c.encodings()) {
            Addresses.of(c.chainId(), AddressEncoding.ofCoboName(e), probe); // throws if not valid for the chain
            encodings.add(e);
        }
        if (encodings.isEmpty() || !encodings.contains(c.defaultEncoding())) {
            throw new IllegalStateException("catalogue: " + c.chainId() + " default encoding not among its encodings");
        }
        if (c.confirmingThreshold() < 0 || c.coinbaseMaturity() < 0) {
            throw new IllegalStateException("catalogue: " + c.chainId() + " negative threshold");
        }
    }

    private void check(TokenEntry t) {
        if (!chains.containsKey(t.chainId())) {
            throw new IllegalStateException("catalogue: token " + t.tokenId() + " on unlisted chain " + t.chainId());
        }
        if (t.decimal() < 0 || t.decimal() > 36) {
            throw new IllegalStateException("catalogue: token " + t.tokenId() + " decimals out of range");
        }
        for (String amount : new String[] {t.dustThreshold(), t.custodialMinimumDepositThreshold()}) {
            if (new BigDecimal(amount).signum() < 0 || new BigDecimal(amount).scale() > t.decimal()) {
                throw new IllegalStateException("catalogue: token " + t.tokenId() + " amount " + amount
                        + " negative or finer than " + t.decimal() + " decimals");
            }
        }
        if (!"Account".equals(t.assetModelType()) && !"UTXO".equals(t.assetModelType())) {
            throw new IllegalStateException("catalogue: token " + t.tokenId() + " asset_model_type must be Account or UTXO");
        }
    }
}
