package io.openwaas.testkit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting directory trees of the test infrastructure. */
final class Trees {

    private Trees() {
    }

    /** Deletes a directory tree without following symbolic links (a dangling one is deleted as a link). */
    static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #delete} of a tree that may not exist, never throwing (shutdown hooks, leftovers). */
    static void deleteQuietly(Path root) {
        try {
            if (Files.exists(root)) {
                delete(root);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
