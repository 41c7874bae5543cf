package io.openwaas.testkit.launcher;

import io.openwaas.testkit.infra.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's infrastructure process on a machine that never ran the project, as {@code bin/waas up} starts it: a
 * first start that fails while unpacking PostgreSQL (the heap that was once too small), then a start on the same home,
 * then the tests' own embedded PostgreSQL — neither may be broken by what the failed start left.
 */
class InfraFirstStartTest {

    @TempDir
    Path work;

    @Test
    void aFailedFirstStartBreaksNeitherTheNextStartNorTheTests() throws Exception {
        Path home = work.resolve("home");
        Path tmp = Files.createDirectories(work.resolve("jvm-tmp"));

        Process failing = infra(home, tmp, "-Xmx48m");
        assertTrue(failing.waitFor(180, TimeUnit.SECONDS), "the failing start ends");
        String failed = Files.readString(work.resolve("infra.log"));
        assertNotEquals(0, failing.exitValue(), failed);
        assertTrue(failed.contains("OutOfMemoryError"), failed);
        assertFalse(Files.exists(home.resolve("run/infra.ready")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing written to the JVM temp directory");
        }

        Process infra = infra(home, tmp, "-Xmx192m");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(home.resolve("run/infra.ready")) && infra.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(home.resolve("run/infra.ready")), Files.readString(work.resolve("infra.log")));
        } finally {
            infra.destroy(); // SIGTERM: its shutdown hook stops Kafka and PostgreSQL
            assertTrue(infra.waitFor(60, TimeUnit.SECONDS));
        }

        // The tests' PostgreSQL (its own directory) starts too.
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, null)) {
            pg.ensureDatabase("after_failed_launcher_start");
        }
    }

    private Process infra(Path home, Path tmp, String heap) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"),
                InfraMain.class.getName(), "--home", home.toString(), "--postgres-port", "0", "--kafka-port", "0"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("infra.log").toFile())).start();
    }
}
