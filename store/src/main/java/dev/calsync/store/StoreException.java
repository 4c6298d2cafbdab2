package dev.calsync.store;

/** A database failure, unchecked because the store ports do not declare checked exceptions. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
