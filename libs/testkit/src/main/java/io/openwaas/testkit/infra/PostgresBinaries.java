package io.openwaas.testkit.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Where zonky unpacks the PostgreSQL binaries, and the guard that keeps a half-finished unpack from breaking the
 * next start.
 *
 * <p>zonky unpacks into {@code <dir>/PG-<digest>} and marks a finished unpack with a {@code .exists} file. A process
 * that dies while unpacking (out of memory, killed) leaves the directory without the marker, and zonky's next
 * attempt fails on the files already there ({@code FileAlreadyExistsException} on a symbolic link). So every start
 * here holds an exclusive lock on {@code <dir>/.unpack.lock} (across processes: a {@link FileLock}, released by the
 * operating system when a process dies; within this JVM: a monitor), deletes every {@code PG-*} directory without
 * the marker, and only then lets zonky unpack and start.
 *
 * <p>The directory is one the project owns, never the shared JVM temp folder: {@code bin/waas} uses
 * {@code .waas/cache/embedded-pg}, the build's tests {@code target/embedded-pg} of the project root (system property
 * {@value #DIRECTORY_PROPERTY}, set by the parent POM), so a failed launcher start and the tests never see each
 * other's leftovers.
 */
public final class PostgresBinaries {

    /** System property naming the directory the tests unpack into. */
    public static final String DIRECTORY_PROPERTY = "openwaas.embedded-pg.dir";

    /** zonky's marker of a finished unpack. */
    static final String DONE_MARKER = ".exists";

    private static final Object IN_PROCESS = new Object();

    private PostgresBinaries() {
    }

    /**
     * The tests' directory: {@value #DIRECTORY_PROPERTY} when set (the build sets it), else a folder of the project's
     * own name under the JVM temp directory.
     */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "openwaas-embedded-pg").toAbsolutePath();
    }

    /**
     * Runs {@code start} (which unpacks, if needed, and starts PostgreSQL) while holding the directory's lock, after
     * removing incomplete unpacks.
     */
    static <T> T guarded(Path dir, Callable<T> start) throws IOException {
        Files.createDirectories(dir);
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(dir.resolve(".unpack.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                removeIncompleteUnpacks(dir);
                return start.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** Deletes every {@code PG-*} directory that has no {@value #DONE_MARKER} marker; the ones it deleted. */
    static List<Path> removeIncompleteUnpacks(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> unpacks = Files.newDirectoryStream(dir, "PG-*")) {
            for (Path unpack : unpacks) {
                if (Files.isDirectory(unpack) && !Files.exists(unpack.resolve(DONE_MARKER))) {
                    Trees.delete(unpack);
                    removed.add(unpack);
                    System.err.println("[embedded-pg] removed an incomplete PostgreSQL unpack: " + unpack);
                }
            }
        }
        return removed;
    }
}
