package dev.calsync.core.push;

/** Why a webhook request was refused. */
public enum Rejection {
    /** It lacks what every notification carries (the channel's name, its token). */
    MISSING_FIELDS,
    /** The token is not the one calsync gave the channel it names: forged, or for another installation. */
    BAD_TOKEN,
    /** Authentic, but about a channel calsync no longer holds (stopped, replaced). */
    UNKNOWN_CHANNEL,
    /** Names one of our channels, but not the watched resource the provider gave it. */
    WRONG_RESOURCE
}
