package dev.calsync.core.block;

import java.util.Objects;

/**
 * How a provider finds one of our blocks: calsync's deterministic key, which is the block's identity, and what
 * the provider told us when it was written (its own event id, resource href or etag). Providers that let the
 * client choose ids need only the key; those that assign ids themselves find the block by {@code providerId}.
 *
 * @param providerId the provider's id for the block, or null when it was never told (then the key is the id)
 * @param etag       the version the provider last reported, or null
 */
public record BlockHandle(String key, String providerId, String etag) {

    public BlockHandle {
        Objects.requireNonNull(key, "key");
    }

    public static BlockHandle of(String key) {
        return new BlockHandle(key, null, null);
    }

    /** The id the provider knows the block by. */
    public String idAtProvider() {
        return providerId == null ? key : providerId;
    }
}
