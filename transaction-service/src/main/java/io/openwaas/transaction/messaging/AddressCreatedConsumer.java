package io.openwaas.transaction.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.crypto.address.Chain;
import io.openwaas.crypto.address.ChainFamily;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.platform.inbox.IncomingEvents;
import io.openwaas.transaction.domain.AddressProof;
import io.openwaas.transaction.persistence.WatchedAddress;
import io.openwaas.transaction.persistence.WatchedAddresses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Consumes {@code wallet.address.created} (channel {@value #CHANNEL}) into the watched addresses: only records signed
 * by wallet-service are admitted (a control record: the addresses whose deposits are credited), and each address is
 * checked first ({@link AddressProof}: it must derive from the vault's root key along its path; a catalogue chain;
 * the wallet's ids are UUIDs), then stored with the event's inbox entry in one database transaction, so a
 * redelivery has no second effect. A malformed or unprovable event changes nothing and goes to the dead-letter topic.
 * Chains no follower can watch yet (not EVM) are skipped.
 */
@ApplicationScoped
public class AddressCreatedConsumer {

    public static final String CHANNEL = "wallet-address-created-in";
    static final String CONSUMER = "transaction-service.watched-addresses";
    private static final Logger LOG = Logger.getLogger(AddressCreatedConsumer.class);

    private final ObjectMapper mapper;
    private final WatchedAddresses watched;
    private final Inbox inbox;
    private final Catalogue catalogue;

    private final ControlRecords control;

    public AddressCreatedConsumer(ObjectMapper mapper, WatchedAddresses watched, Inbox inbox, Catalogue catalogue,
                                  ControlRecords control) {
        this.control = control;
        this.mapper = mapper;
        this.watched = watched;
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    private record Row(WatchedAddress address, String pubkey) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        if (ce.isPresent() && ce.get().getType() != null && !EventType.WALLET_ADDRESS_CREATED.equals(ce.get().getType())) {
            return Uni.createFrom().completionStage(message.ack());
        }
        if (!control.admit(message)) { // signed by wallet-service, else refused, counted and logged
            return Uni.createFrom().completionStage(message.ack());
        }
        UUID eventId;
        List<Row> rows;
        try {
            eventId = IncomingEvents.eventId(ce);
            rows = validate(mapper.readValue(message.getPayload(), WalletAddressCreated.class));
        } catch (Exception e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage() : "unparseable JSON";
            LOG.warnf("wallet.address.created event refused (%s), sent to the dead-letter topic", reason);
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(reason)));
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId).chain(first -> !first
                        ? Uni.createFrom().voidItem()
                        : Multi.createFrom().iterable(rows).onItem()
                                .transformToUniAndConcatenate(r -> watched.add(r.address(), r.pubkey()))
                                .collect().last().replaceWithVoid()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "wallet.address.created event %s could not be stored", eventId);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    if (!rows.isEmpty()) {
                        LOG.debugf("watching %d %s addresses of wallet %s", rows.size(),
                                rows.get(0).address().chainId(), rows.get(0).address().walletId());
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private List<Row> validate(WalletAddressCreated e) {
        if (e == null || e.addresses() == null || e.chainId() == null || e.orgId() == null || e.orgId().isEmpty()
                || e.walletType() == null || e.walletSubtype() == null) {
            throw new IllegalArgumentException("fields missing");
        }
        UUID wallet = uuid("wallet_id", e.walletId());
        UUID vault = uuid("vault_id", e.vaultId());
        if (catalogue.chain(e.chainId()).isEmpty()) {
            throw new IllegalArgumentException("chain " + e.chainId() + " is not in the catalogue");
        }
        if (Chain.of(e.chainId()).family() != ChainFamily.EVM) {
            LOG.debugf("wallet.address.created for %s: not watched yet (EVM chains only)", e.chainId());
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (WalletAddressCreated.Address a : e.addresses()) {
            if (a == null || a.address() == null || a.path() == null || a.pubkey() == null) {
                throw new IllegalArgumentException("an address without address, path or pubkey");
            }
            AddressProof.check(e.chainId(), e.encoding(), e.rootPubkey(), a.path(), a.address());
            rows.add(new Row(new WatchedAddress(e.chainId(), a.address().toLowerCase(Locale.ROOT), a.address(), wallet,
                    e.orgId(), vault, e.walletType(), e.walletSubtype(), a.path(), e.rootPubkey()), a.pubkey()));
        }
        return rows;
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException(field + " is not a UUID");
        }
    }
}
