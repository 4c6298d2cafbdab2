package dev.calsync.core.provider;

/** The provider calls calsync makes, as counted against quota. */
public enum CallKind { CALENDAR_LIST, LIST, GET, INSERT, UPDATE, PATCH, DELETE, INSTANCES, WATCH, STOP }
