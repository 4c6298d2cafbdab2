package dev.calsync.emulator.graph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One calendar's events with their full history: every write is a numbered change, and the state of any event at
 * any change number can be read back. Delta rounds are computed from that history, so a round that pages slowly
 * still sees one consistent snapshot.
 */
public final class CalendarStore {
    private record Version(long seq, StoredEvent state) {}

    private final String id;
    private final String name;
    private final Mailbox owner;
    private final boolean isDefault;
    private final Map<String, List<Version>> history = new HashMap<>();
    private final TreeMap<Long, String> changes = new TreeMap<>();
    private long seq;

    CalendarStore(String id, String name, Mailbox owner, boolean isDefault) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.isDefault = isDefault;
    }

    public String id() { return id; }

    public String name() { return name; }

    public Mailbox owner() { return owner; }

    public boolean isDefault() { return isDefault; }

    public synchronized long currentSeq() { return seq; }

    /** The event's latest state, or null if it never existed here or is deleted. */
    public synchronized StoredEvent current(String eventId) { return stateAt(eventId, seq); }

    public synchronized StoredEvent stateAt(String eventId, long at) {
        List<Version> versions = history.get(eventId);
        if (versions == null) return null;
        StoredEvent state = null;
        for (Version v : versions) {
            if (v.seq() > at) break;
            state = v.state();
        }
        return state;
    }

    /** Every event alive at change {@code at}. */
    public synchronized List<StoredEvent> allAt(long at) {
        List<StoredEvent> out = new ArrayList<>();
        for (String eventId : history.keySet()) {
            StoredEvent s = stateAt(eventId, at);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** Ids of the events changed after change {@code after} up to and including {@code upTo}. */
    public synchronized Set<String> changedBetween(long after, long upTo) {
        return new LinkedHashSet<>(changes.subMap(after, false, upTo, true).values());
    }

    /** Stores a new version (null: deleted) and returns its change number. */
    synchronized long store(String eventId, StoredEvent state) {
        seq++;
        history.computeIfAbsent(eventId, k -> new ArrayList<>()).add(new Version(seq, state));
        changes.put(seq, eventId);
        return seq;
    }
}
