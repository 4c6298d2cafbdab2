package dev.calsync.app.server;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import java.util.Objects;

/**
 * What {@code serve} or {@code demo} hands the Spring application: the validated configuration, the key that
 * encrypts tokens at rest, and which of the two it is.
 *
 * @param address the address to listen on, or null for Spring's {@code server.address} (every interface unless
 *                configured): {@code serve} binds as configured, {@code demo} to loopback unless told otherwise
 */
public record ServerSettings(CalsyncConfig config, EncryptionKey encryptionKey, Mode mode, int port,
                             String address) {

    public enum Mode {
        /** The service: Google sign-in, connected accounts. */
        SERVE,
        /** The showcase: demo sign-in, emulator accounts. */
        DEMO;

        /** The Spring profile that switches the mode's beans on. */
        public String profile() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ServerSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(mode, "mode");
    }

    public ServerSettings(CalsyncConfig config, EncryptionKey encryptionKey, Mode mode, int port) {
        this(config, encryptionKey, mode, port, null);
    }
}
