package io.openwaas.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.config.OutboxConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's database transaction (call it from a {@code @WithTransaction}
 * method, after the state change). Never sends anything itself: {@link OutboxRelay} does, after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper mapper;
    private final String source;

    public Outbox(OutboxRepository repository, ObjectMapper mapper, OutboxConfig config,
                  @ConfigProperty(name = "quarkus.application.name", defaultValue = "openwaas") String applicationName) {
        this.repository = repository;
        this.mapper = mapper;
        this.source = config.source().orElse("/" + applicationName);
    }

    /**
     * @param topic    Kafka topic
     * @param type     CloudEvents type, e.g. {@code io.openwaas.iam.api_key.updated.v1}
     * @param key      record key and CloudEvents subject: the aggregate id
     * @param orgId    owning organisation (extension {@code orgid}), may be null for platform-wide events
     * @param sequence monotonic per aggregate (extension {@code sequence})
     * @param data     the event record, serialised with the wire's JSON rules
     * @return the appended row (its {@code eventId} is the CloudEvents id)
     */
    public Uni<OutboxEvent> append(String topic, String type, String key, String orgId, long sequence, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = key;
        event.type = type;
        event.source = source;
        event.subject = key;
        event.orgId = orgId;
        event.sequence = sequence;
        event.createdAt = System.currentTimeMillis();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data not serialisable: " + type, e));
        }
        return repository.persist(event);
    }
}
