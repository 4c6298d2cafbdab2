package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;

/**
 * A short fingerprint of which occurrences of a series Graph lists in a window (their original starts): equal
 * while none was deleted or restored. Kept in the token, it tells which series to read again after a round
 * reported removals.
 */
final class SeriesDigest {
    private SeriesDigest() {
    }

    static String of(Collection<JsonNode> instances) {
        String starts = String.join("\n", instances.stream()
                .map(instance -> instance.path("originalStart").asText(null)).filter(Objects::nonNull)
                .map(GraphTimes::instant).filter(Objects::nonNull).sorted().map(Object::toString).toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(starts.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
