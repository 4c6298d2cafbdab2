package dev.calsync.app.cluster;

import dev.calsync.google.GoogleCalendarProvider;

/**
 * The Google adapter the cluster's passes, channels and health check use, wrapped so that it is no
 * {@code CalendarProvider} bean of its own (the web layer injects the one provider by type).
 */
public record ClusterGoogle(GoogleCalendarProvider provider) {
}
