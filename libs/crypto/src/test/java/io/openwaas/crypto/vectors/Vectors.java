package io.openwaas.crypto.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Access to the shared published test vectors under {@code ${openwaas.shared.dir}/testvectors}. When the folder is
 * absent the calling test is skipped (JUnit assumption) with a message saying so.
 */
public final class Vectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {
    }

    /** The vector file, or a skipped test when the shared folder (or the file) is missing. */
    public static Path file(String relative) {
        String dir = System.getProperty("openwaas.shared.dir");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(),
                "system property openwaas.shared.dir not set: skipping published-vector test for " + relative);
        Path p = Path.of(dir, "testvectors", relative);
        Assumptions.assumeTrue(Files.isRegularFile(p),
                "shared test vectors not found at " + p + ": skipping published-vector test");
        return p;
    }

    public static JsonNode json(String relative) {
        try {
            return MAPPER.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String relative) {
        try {
            return Files.readAllLines(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the per-file count line that the issue asks for. */
    public static void report(String relative, int passed, String what) {
        System.out.printf("[vectors] %-55s %4d passed (%s)%n", relative, passed, what);
    }
}
