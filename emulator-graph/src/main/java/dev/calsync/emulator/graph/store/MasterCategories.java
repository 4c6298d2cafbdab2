package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A mailbox's master list of Outlook categories ({@code outlookCategory}: {@code id}, {@code displayName},
 * {@code color}): what colours an event whose {@code categories} name one of them. Names are unique without regard to
 * case and cannot change; only the colour can. Which calls a grant allows is the mailbox's {@link MailboxSettingsAccess}.
 */
public final class MasterCategories {
    /** {@code none} and {@code preset0} … {@code preset24}, as Graph's {@code categoryColor} enumeration spells them. */
    public static final List<String> COLORS;

    static {
        List<String> colors = new ArrayList<>();
        colors.add("none");
        for (int i = 0; i <= 24; i++) colors.add("preset" + i);
        COLORS = List.copyOf(colors);
    }

    private final String mailboxId;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private MailboxSettingsAccess access = MailboxSettingsAccess.READ_WRITE;
    private int created;

    MasterCategories(String mailboxId) {
        this.mailboxId = mailboxId;
    }

    public synchronized MailboxSettingsAccess access() { return access; }

    public synchronized void setAccess(MailboxSettingsAccess access) { this.access = access; }

    /** Every category, in the order they were made. */
    public synchronized List<ObjectNode> list() {
        List<ObjectNode> out = new ArrayList<>();
        byId.values().forEach(c -> out.add(c.deepCopy()));
        return out;
    }

    /** @throws GraphError 404 ErrorItemNotFound */
    public synchronized ObjectNode get(String id) {
        ObjectNode c = byId.get(id);
        if (c == null) throw GraphError.itemNotFound();
        return c.deepCopy();
    }

    /**
     * Adds a category as {@code POST me/outlook/masterCategories} does.
     *
     * @throws GraphError 400 without a displayName or with a colour Graph does not know, 409 when the name is taken
     */
    public synchronized ObjectNode create(ObjectNode body) {
        JsonNode name = body.get("displayName");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw GraphError.invalidProperty("The displayName property is required and must not be empty.");
        }
        JsonNode given = body.get("color");
        boolean absent = given == null || given.isNull();
        String color = absent ? "none" : given.asText();
        if (!absent && !given.isTextual() || !COLORS.contains(color)) {
            throw GraphError.badRequest("RequestBodyRead", "Requested value '" + color + "' was not found.");
        }
        String displayName = name.asText();
        if (find(displayName) != null) {
            throw new GraphError(409, "Conflict", "A category with the display name '" + displayName + "' already exists.");
        }
        String id = UUID.nameUUIDFromBytes(("graph-category:" + mailboxId + ":" + created++ + ":" + displayName.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode category = Json.object().put("id", id).put("displayName", displayName).put("color", color);
        byId.put(id, category);
        return category.deepCopy();
    }

    /** @throws GraphError 404 ErrorItemNotFound */
    public synchronized void delete(String id) {
        if (byId.remove(id) == null) throw GraphError.itemNotFound();
    }

    /** The category with this name (any case), or null. */
    public synchronized ObjectNode find(String displayName) {
        for (ObjectNode c : byId.values()) if (c.path("displayName").asText().equalsIgnoreCase(displayName)) return c.deepCopy();
        return null;
    }
}
