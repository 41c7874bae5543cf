package io.openwaas.wallet;

import io.openwaas.testkit.kafka.TopicReader.Read;

import java.time.Duration;

/** {@link io.openwaas.testkit.kafka.TopicReader} on this module's test broker. */
final class TopicReader {

    private TopicReader() {
    }

    static Read readToEnd(String topic, Duration limit) {
        return io.openwaas.testkit.kafka.TopicReader.readToEnd(TssSupport.bootstrap(), topic, limit);
    }
}
