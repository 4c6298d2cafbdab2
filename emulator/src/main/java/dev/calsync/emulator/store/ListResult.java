package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One page of events; {@code next} is null on the last page, which is the one that gets a sync token. */
public record ListResult(List<ObjectNode> items, PageCursor next, long snapshotSeq) {}
