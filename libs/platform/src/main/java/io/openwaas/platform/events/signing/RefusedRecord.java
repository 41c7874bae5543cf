package io.openwaas.platform.events.signing;

/**
 * A control record a service refused, for operators: when, where, the producer it claims ({@code signer}, from its
 * header; may be forged or absent) and why. Never its value.
 */
public record RefusedRecord(long timestamp, String topic, String key, String signer, RecordVerifier.Reason reason,
                            String detail) {
}
