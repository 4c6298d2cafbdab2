package dev.calsync.core.event;

/** The calendar owner's own answer to an invitation (the attendee marked self). */
public enum ResponseStatus { NEEDS_ACTION, DECLINED, TENTATIVE, ACCEPTED }
