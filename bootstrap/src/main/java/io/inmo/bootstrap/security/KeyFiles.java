package io.inmo.bootstrap.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys the embedded defaults generate once and keep in the data directory (owner-only file, Base64
 * text), so that tokens and encrypted columns survive restarts without any configuration.
 */
public final class KeyFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFiles() {}

  /** The key stored in {@code file}, or a new random key of {@code bytes} written there first. */
  public static byte[] loadOrCreate(Path file, int bytes) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        restrict(temp);
        Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
          Files.deleteIfExists(temp); // another process wrote it first: use theirs
        }
      }
      byte[] key =
          Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length < bytes) {
        throw new IllegalStateException(
            file + " holds a key of " + key.length + " bytes; " + bytes + " are needed");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " does not hold a Base64 key", e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the user profile's ACL
    }
  }
}
