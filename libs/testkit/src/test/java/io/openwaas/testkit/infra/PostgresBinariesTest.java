package io.openwaas.testkit.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard against half-finished unpacks of the PostgreSQL binaries. */
class PostgresBinariesTest {

    @Test
    void removesUnpacksWithoutTheMarkerAndKeepsFinishedOnes(@TempDir Path dir) throws Exception {
        // What a process killed while unpacking leaves: some files, a symbolic link whose target never came.
        Path partial = Files.createDirectories(dir.resolve("PG-partial/lib"));
        Files.writeString(partial.resolve("libpq.so.5"), "half");
        Files.createSymbolicLink(partial.resolve("libicudata.so"), Path.of("libicudata.so.60.2"));
        Path finished = Files.createDirectories(dir.resolve("PG-finished/bin"));
        Files.writeString(finished.resolve("postgres"), "binary");
        Files.createFile(dir.resolve("PG-finished").resolve(PostgresBinaries.DONE_MARKER));
        Path other = Files.createDirectories(dir.resolve("a-data-directory"));

        List<Path> removed = PostgresBinaries.removeIncompleteUnpacks(dir);

        assertEquals(List.of(dir.resolve("PG-partial")), removed);
        assertFalse(Files.exists(dir.resolve("PG-partial")));
        assertTrue(Files.exists(finished.resolve("postgres")));
        assertTrue(Files.isDirectory(other));
    }

    @Test
    void startsAfterAnUnpackThatStoppedHalfway(@TempDir Path dir) throws Exception {
        // A first server unpacks the binaries; then the unpack is made to look as a killed process leaves it.
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, null, dir)) {
            assertTrue(pg.port() > 0);
        }
        Path unpack;
        try (var unpacks = Files.newDirectoryStream(dir, "PG-*")) {
            unpack = unpacks.iterator().next();
        }
        Files.delete(unpack.resolve(PostgresBinaries.DONE_MARKER));
        Path link = unpack.resolve("lib/libicudata.so");
        assertTrue(Files.isSymbolicLink(link), "the archive has this symbolic link");
        // the link's target is gone (written last), as after an out-of-memory error in the middle of the unpack
        Files.delete(unpack.resolve("lib").resolve(Files.readSymbolicLink(link)));

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, null, dir)) {
            pg.ensureDatabase("after_recovery");
        }
        assertTrue(Files.exists(unpack.resolve(PostgresBinaries.DONE_MARKER)));
    }
}
