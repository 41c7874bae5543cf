package io.openwaas.platform.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers and the value is
 * the data. These are the names SmallRye Reactive Messaging writes and reads.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String ORG_ID = "ce_orgid";
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /**
     * Writes the binary-mode attributes of an event that a service publishes directly (not through the outbox):
     * the same headers {@code OutboxRelay} makes SmallRye write.
     */
    public static void write(Headers headers, String id, String source, String type, String subject, long timeMillis,
                             String orgId, long sequence) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, SUBJECT, subject);
        put(headers, TIME, java.time.Instant.ofEpochMilli(timeMillis).toString());
        put(headers, ORG_ID, orgId == null ? "" : orgId);
        put(headers, SEQUENCE, Long.toString(sequence));
        put(headers, CONTENT_TYPE, "application/json");
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
