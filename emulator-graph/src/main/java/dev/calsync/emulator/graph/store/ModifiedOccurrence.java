package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/** An occurrence changed on its own (Graph type "exception"): its own properties and times, same id as before. */
public record ModifiedOccurrence(ObjectNode props, EventTime start, EventTime end, boolean allDay,
                                 Map<String, String> extended, Instant modified, String changeKey) {}
