package io.openwaas.wallet.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TssRequestIdTest {

    @Test
    void everyIdWeMakeIsRecognisedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = TssRequestService.newRequestId();
            assertEquals(32, id.length(), id);
            assertTrue(TssRequestService.mayBeOurs(id), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void otherIdsAreNotOurs() {
        String[] others = {null, "", UUID.randomUUID().toString(), "bench-1",
                "2026112123455012345678901234567", // 31 digits
                "202611212345501234567890123456789", // 33 digits
                "2026112123455012345678901234567x",
                "٢٠٢٦١١٢١٢٣٤٥٥٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨"}; // 32 Arabic-Indic digits
        for (String id : others) {
            assertFalse(TssRequestService.mayBeOurs(id), String.valueOf(id));
        }
    }
}
