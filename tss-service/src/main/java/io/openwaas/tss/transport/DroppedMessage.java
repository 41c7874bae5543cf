package io.openwaas.tss.transport;

/**
 * A peer record the node refused, and why. {@code sender} is the node the record claims to come from (it may be a
 * forgery: that is what the reason says).
 */
public record DroppedMessage(long timestamp, String sender, String session, String task, int round,
                             String messageId, String reason) {
}
