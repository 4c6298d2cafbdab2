package dev.calsync.emulator.recurrence;

import dev.calsync.emulator.store.EventTime;

/** One expanded instance of a series: its start/end and the suffix of its instance id. */
public record Occurrence(String idSuffix, EventTime start, EventTime end, long startMillis, long endMillis) {}
