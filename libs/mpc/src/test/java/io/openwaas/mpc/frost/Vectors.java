package io.openwaas.mpc.frost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Loads shared test-vector files; skips (JUnit assumption) with a clear message when they are absent. */
public final class Vectors {

    private Vectors() {
    }

    public static JsonNode load(String relative) {
        String dir = System.getProperty("openwaas.shared.dir");
        Assumptions.assumeTrue(dir != null, "system property openwaas.shared.dir not set: skipping vectors " + relative);
        Path p = Path.of(dir, "testvectors", relative);
        Assumptions.assumeTrue(Files.isReadable(p), "test vectors not found at " + p + ": skipping");
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }
}
