package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The sync token calsync stores for a Graph calendar: Graph's {@code @odata.deltaLink} and the window it was
 * opened over. Graph seals the window into the link and never says it again, but reading a changed series needs
 * it (its instances are listed over the same window), and knowing when the window runs out decides when a new
 * baseline is due. Opaque to core; URL-safe base64 of a small JSON object.
 */
record DeltaToken(Instant windowStart, Instant windowEnd, String deltaLink) {
    private static final String PREFIX = "graph1.";

    String encode() {
        ObjectNode node = GraphHttp.JSON.createObjectNode()
                .put("from", windowStart.toString())
                .put("to", windowEnd.toString())
                .put("link", deltaLink);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Empty for anything this adapter did not write (then a full read starts over). */
    static Optional<DeltaToken> decode(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            JsonNode node = GraphHttp.JSON.readTree(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())));
            String link = node.path("link").asText(null);
            if (link == null || link.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new DeltaToken(Instant.parse(node.path("from").asText()),
                    Instant.parse(node.path("to").asText()), link));
        } catch (IOException | IllegalArgumentException | DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
