package io.openwaas.platform.events.signing;

import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control-record signature: what it binds, and every refusal of {@link RecordVerifier}. */
class RecordVerifierTest {

    private static final byte[] VALUE = "{\"request_id\":\"r1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String TYPE = "io.openwaas.tss.request.submitted.v1";

    private final RecordSigner wallet = RecordSigner.wrap("wallet-service", seed(1));
    private final RecordSigner node = RecordSigner.wrap("tss-node-0", seed(2));
    private final RecordSigner stranger = RecordSigner.wrap("wallet-service", seed(3));
    private final RecordVerifier verifier = new RecordVerifier(
            Map.of("wallet-service", wallet.publicKeyHex(), "tss-node-0", node.publicKeyHex()),
            Map.of(Topics.TSS_REQUESTS, Set.of("wallet-service"), Topics.TSS_RESULTS, Set.of("tss-node-0")),
            Duration.ofMinutes(5));

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    private static Headers typed() {
        Headers h = new RecordHeaders();
        h.add(CloudEventHeaders.TYPE, TYPE.getBytes(StandardCharsets.UTF_8));
        return h;
    }

    private Headers signed(RecordSigner signer, String topic, String key, byte[] value, long at) {
        Headers h = typed();
        signer.sign(topic, key, h, value, at);
        return h;
    }

    @Test
    void aRecordSignedByItsPinnedProducerIsAdmitted() {
        long now = System.currentTimeMillis();
        RecordVerifier.Verdict v = verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, now), VALUE, now + 20);
        assertTrue(v.admitted(), String.valueOf(v));
        assertEquals("wallet-service", v.signer());
    }

    @Test
    void unsignedIsRefused() {
        assertEquals(RecordVerifier.Reason.UNSIGNED,
                verifier.verify(Topics.TSS_REQUESTS, "r1", typed(), VALUE, System.currentTimeMillis()).refusal());
    }

    @Test
    void aKeyThatIsNotThePinnedOneIsRefused() {
        long now = System.currentTimeMillis();
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE, verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(stranger, Topics.TSS_REQUESTS, "r1", VALUE, now), VALUE, now).refusal());
        RecordSigner unknown = RecordSigner.wrap("evil-service", seed(4));
        assertEquals(RecordVerifier.Reason.UNKNOWN_SIGNER, verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(unknown, Topics.TSS_REQUESTS, "r1", VALUE, now), VALUE, now).refusal());
    }

    @Test
    void aPinnedSignerOutsideItsTopicsIsRefused() {
        long now = System.currentTimeMillis();
        assertEquals(RecordVerifier.Reason.SIGNER_NOT_ALLOWED, verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(node, Topics.TSS_REQUESTS, "r1", VALUE, now), VALUE, now).refusal());
        assertEquals(RecordVerifier.Reason.SIGNER_NOT_ALLOWED, verifier.verify(Topics.IAM_API_KEYS, "r1",
                signed(wallet, Topics.IAM_API_KEYS, "r1", VALUE, now), VALUE, now).refusal(),
                "a topic without a policy admits nobody");
    }

    @Test
    void anAlteredValueTypeKeyOrTopicIsRefused() {
        long now = System.currentTimeMillis();
        Headers h = signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, now);
        byte[] altered = "{\"request_id\":\"r2\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE,
                verifier.verify(Topics.TSS_REQUESTS, "r1", h, altered, now).refusal(), "value");
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE,
                verifier.verify(Topics.TSS_REQUESTS, "r2", h, VALUE, now).refusal(), "key");
        Headers retyped = signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, now);
        retyped.remove(CloudEventHeaders.TYPE);
        retyped.add(CloudEventHeaders.TYPE, "io.openwaas.other.v1".getBytes(StandardCharsets.UTF_8));
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE,
                verifier.verify(Topics.TSS_REQUESTS, "r1", retyped, VALUE, now).refusal(), "type");
        Headers resigner = signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, now);
        resigner.remove(SignedRecord.SIGNER);
        resigner.add(SignedRecord.SIGNER, "tss-node-0".getBytes(StandardCharsets.UTF_8));
        assertTrue(!verifier.verify(Topics.TSS_RESULTS, "r1", resigner, VALUE, now).admitted(), "signer name");
        RecordVerifier both = new RecordVerifier(Map.of("wallet-service", wallet.publicKeyHex()),
                Map.of(Topics.TSS_REQUESTS, Set.of("wallet-service"), Topics.TSS_RESULTS, Set.of("wallet-service")),
                Duration.ofMinutes(5));
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE,
                both.verify(Topics.TSS_RESULTS, "r1", h, VALUE, now).refusal(), "topic");
    }

    @Test
    void aRecordSignedLongBeforeItsTimestampIsAReplay() {
        long now = System.currentTimeMillis();
        long hourAgo = now - Duration.ofHours(1).toMillis();
        assertEquals(RecordVerifier.Reason.STALE, verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, hourAgo), VALUE, now).refusal());
        // an old record is fine where it was first appended (a compacted topic read from the beginning)
        assertTrue(verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, hourAgo), VALUE, hourAgo + 50).admitted());
    }

    @Test
    void aTombstoneIsSignedLikeAnyRecord() {
        long now = System.currentTimeMillis();
        assertTrue(verifier.verify(Topics.TSS_REQUESTS, "r1", signed(wallet, Topics.TSS_REQUESTS, "r1", null, now),
                null, now).admitted());
        assertEquals(RecordVerifier.Reason.BAD_SIGNATURE, verifier.verify(Topics.TSS_REQUESTS, "r1",
                signed(wallet, Topics.TSS_REQUESTS, "r1", VALUE, now), null, now).refusal());
    }

    @Test
    void signedBytesAreLengthPrefixedSoFieldsCannotShift() {
        byte[] a = SignedRecord.signedBytes("t", "ab", "c", "s", 1, new byte[0]);
        byte[] b = SignedRecord.signedBytes("t", "a", "bc", "s", 1, new byte[0]);
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void malformedKeysAreRejectedAtConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> RecordSigner.parse("x", "zz"));
        assertThrows(IllegalArgumentException.class, () -> RecordSigner.wrap("x", new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new RecordVerifier(Map.of("x", "00"), Map.of(),
                Duration.ofMinutes(1)));
        assertEquals(64, HexFormat.of().parseHex(wallet.publicKeyHex()).length * 2);
    }
}
