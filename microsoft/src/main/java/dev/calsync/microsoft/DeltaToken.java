package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sync token calsync stores for a Graph calendar: Graph's {@code @odata.deltaLink}, the window it was opened
 * over, and for every series read as one a {@link SeriesDigest} of the occurrences Graph listed. Graph seals the
 * window into the link and never says it again, but reading a changed series needs it (its instances are listed
 * over the same window), and knowing when the window runs out decides when a new baseline is due. The digests
 * find the series that lost an occurrence: Graph reports that only as an {@code @removed} occurrence id, which
 * names no series. Opaque to core; URL-safe base64 of a small JSON object.
 *
 * @param series digest of the listed occurrences, by series master id
 */
record DeltaToken(Instant windowStart, Instant windowEnd, String deltaLink, Map<String, String> series) {
    private static final String PREFIX = "graph1.";

    DeltaToken {
        series = Map.copyOf(series);
    }

    String encode() {
        ObjectNode node = GraphHttp.JSON.createObjectNode()
                .put("from", windowStart.toString())
                .put("to", windowEnd.toString())
                .put("link", deltaLink);
        ObjectNode digests = node.putObject("series");
        series.forEach(digests::put);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(
                StandardCharsets.UTF_8));
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
            Map<String, String> series = new HashMap<>();
            node.path("series").fields().forEachRemaining(entry -> series.put(entry.getKey(), entry.getValue().asText()));
            return Optional.of(new DeltaToken(Instant.parse(node.path("from").asText()),
                    Instant.parse(node.path("to").asText()), link, series));
        } catch (IOException | IllegalArgumentException | DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
