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

    /** The last value of a header as UTF-8 text, or null. */
    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
