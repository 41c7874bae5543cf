package io.openwaas.wallet.domain;

import io.openwaas.wallet.config.TssRequestConfig;
import io.openwaas.wallet.persistence.TssRequestEntity;
import io.openwaas.wallet.persistence.TssRequestRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.List;

/**
 * Ends the TSS requests that never end by themselves (a node that crashed and never came back, a lost report): a
 * request still undecided {@code openwaas.tss-requests.timeout} after its creation is failed —
 * {@code KeyHolderConfirmationFailed} while holders had not all confirmed, {@code KeyGeneratingFailed} after — with the
 * reason, which frees its target group for a new request, and a {@code Cancel} goes to the nodes through the outbox in
 * the same transaction, so they stop the session and a reshare does not move the keys.
 */
@ApplicationScoped
public class TssRequestTimeouts {

    private static final Logger LOG = Logger.getLogger(TssRequestTimeouts.class);

    private final TssRequestRepository requests;
    private final TssRequestService service;
    private final TssRequestConfig config;

    public TssRequestTimeouts(TssRequestRepository requests, TssRequestService service, TssRequestConfig config) {
        this.requests = requests;
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${openwaas.tss-requests.check-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return expire().replaceWithVoid();
    }

    /** Fails every request past the timeout now; how many. */
    public Uni<Integer> expire() {
        long cutoff = System.currentTimeMillis() - config.timeout().toMillis();
        return Panache.withTransaction(() -> requests.find("status in ?1 and createdAt < ?2 order by createdAt",
                        EnumSet.of(TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION, TssRequestStatus.KEY_GENERATING,
                                TssRequestStatus.MPC_PROCESSING), cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, 100).list()
                .chain(expired -> expireAll(expired).replaceWith(expired.size())));
    }

    private Uni<Void> expireAll(List<TssRequestEntity> expired) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TssRequestEntity r : expired) {
            chain = chain.chain(() -> {
                TssRequestStatus was = r.status;
                r.status = was == TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION
                        ? TssRequestStatus.KEY_HOLDER_CONFIRMATION_FAILED : TssRequestStatus.KEY_GENERATING_FAILED;
                r.failureReason = TssRequestService.TIMED_OUT + " (" + config.timeout() + ") while " + was.wire();
                r.updatedAt = System.currentTimeMillis();
                LOG.warnf("TSS request %s: %s; its group is free again and the nodes are told to cancel", r.id,
                        r.failureReason);
                return service.cancelAtNodes(r);
            });
        }
        return chain;
    }
}
