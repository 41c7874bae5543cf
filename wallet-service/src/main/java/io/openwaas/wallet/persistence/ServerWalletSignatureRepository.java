package io.openwaas.wallet.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ServerWalletSignatureRepository implements PanacheRepositoryBase<ServerWalletSignatureEntity, String> {
}
