package io.openwaas.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.auth.RequiresScope;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.api.ApiException;
import io.openwaas.wallet.domain.ServerWalletService;
import io.openwaas.wallet.persistence.ServerWalletEntity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.HexFormat;

/**
 * Server wallets, seed 001 ({@code /api/wallets}): one MPC wallet per user, secured by a 2-of-2 threshold key
 * between two TSS nodes, that signs messages ({@code personal_sign}). Same Cobo Auth as {@code /v2}; the field
 * names are the seed's (camelCase).
 */
@CoboAuth
@Path("/api/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerWalletResource {

    /** {@code POST /api/wallets} body. */
    public record CreateRequest(@JsonProperty("userId") String userId) {
    }

    /** {@code POST /api/wallets/{x}/sign} body. */
    public record SignRequest(@JsonProperty("message") String message) {
    }

    /** A wallet, as seed 001 answers it. */
    public record Wallet(@JsonProperty("success") boolean success, @JsonProperty("userId") String userId,
                         @JsonProperty("address") String address, @JsonProperty("walletId") String walletId,
                         @JsonProperty("publicKey") String publicKey) {
    }

    /** A signed message. */
    public record Signature(@JsonProperty("success") boolean success, @JsonProperty("walletId") String walletId,
                            @JsonProperty("address") String address, @JsonProperty("message") String message,
                            @JsonProperty("signature") String signature) {
    }

    private final CallerContext caller;
    private final ServerWalletService service;

    public ServerWalletResource(CallerContext caller, ServerWalletService service) {
        this.caller = caller;
        this.service = service;
    }

    /** 201 with a new wallet; 200 with the user's existing one. */
    @POST
    public Uni<RestResponse<Wallet>> create(CreateRequest body) {
        if (body == null) {
            throw ApiException.missing("userId");
        }
        return service.create(caller.orgId(), body.userId())
                .map(c -> RestResponse.status(c.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        view(c.wallet())));
    }

    @GET
    @Path("{walletIdOrAddress}")
    public Uni<Wallet> get(@RestPath("walletIdOrAddress") String key) {
        return service.get(caller.orgId(), key).map(ServerWalletResource::view);
    }

    @POST
    @Path("{walletIdOrAddress}/sign")
    @RequiresScope(Scope.SPEND)
    public Uni<Signature> sign(@RestPath("walletIdOrAddress") String key, SignRequest body) {
        if (body == null) {
            throw ApiException.missing("message");
        }
        return service.sign(caller.orgId(), key, body.message())
                .map(s -> new Signature(true, s.wallet().id.toString(), s.wallet().address, body.message(),
                        s.signature()));
    }

    /** The public key as Ethereum tools print it: uncompressed, 0x04-prefixed. */
    static Wallet view(ServerWalletEntity w) {
        String publicKey = null;
        if (w.publicKey != null) {
            publicKey = "0x" + HexFormat.of().formatHex(((io.openwaas.crypto.ec.Secp256k1Point)
                    io.openwaas.crypto.ec.Secp256k1.GROUP.decode(HexFormat.of().parseHex(w.publicKey)))
                    .encodeUncompressed());
        }
        return new Wallet(true, w.userId, w.address, w.id.toString(), publicKey);
    }
}
