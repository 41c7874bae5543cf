package io.openwaas.platform.config;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets passed as files (a Kubernetes Secret volume, or {@code .waas/keys/*} written mode 0600 by bin/waas) rather
 * than as environment values or arguments, which other local users can see ({@code ps}, {@code /proc}). A file that
 * its group or others may read is refused.
 */
public final class SecretFile {

    private static final Logger LOG = Logger.getLogger(SecretFile.class);

    private SecretFile() {
    }

    /** The file's content, trimmed; {@code setting} names the configuration key in errors. */
    public static String read(String path, String setting) {
        Path file = Path.of(path);
        try {
            checkPrivate(file, setting);
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + setting + " " + path + ": " + e.getMessage());
        }
    }

    /** The file's content if a path is configured, else the inline value (for Kubernetes env from a Secret). */
    public static Optional<String> fileOrValue(Optional<String> file, Optional<String> value, String setting) {
        if (file.isPresent() && !file.get().isBlank()) {
            return Optional.of(read(file.get(), setting + "-file"));
        }
        return value.filter(v -> !v.isBlank()).map(String::trim);
    }

    private static void checkPrivate(Path file, String setting) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalStateException(setting + " " + file + " is readable by its group or others: chmod 600 it");
        }
        if (!Files.isSymbolicLink(file) && perms.contains(PosixFilePermission.OWNER_WRITE)) {
            LOG.debugf("%s %s is writable by its owner", setting, file);
        }
    }
}
