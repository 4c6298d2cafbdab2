package dev.calsync.app.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a posted form, by field: the page shows each message next to its field and all of them
 * above the form. The first message per field wins.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public FormErrors addAll(FormErrors other) {
        other.byField.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's message, or null. */
    public String of(String field) {
        return byField.get(field);
    }

    public Collection<String> messages() {
        return byField.values();
    }
}
