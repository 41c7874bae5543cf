package io.openwaas.platform.inbox;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

import java.util.Optional;
import java.util.UUID;

/** What consumers read from an incoming CloudEvent before they touch the database. */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /**
     * The CloudEvents {@code id}, the consumers' idempotency key ({@link Inbox}): it must be a UUID in its canonical
     * spelling.
     *
     * @throws IllegalArgumentException if absent or not a UUID (the event is malformed)
     */
    public static UUID eventId(Optional<IncomingCloudEventMetadata> ce) {
        String id = ce.map(IncomingCloudEventMetadata::getId).orElse(null);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("no CloudEvents id");
        }
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new IllegalArgumentException("CloudEvents id is not a UUID");
    }
}
