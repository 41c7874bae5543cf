package io.openwaas.wallet.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ServerWalletRepository implements PanacheRepositoryBase<ServerWalletEntity, UUID> {
}
