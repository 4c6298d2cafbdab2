package dev.calsync.core.rules;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block's title from the group's template: {@value #CALENDAR} becomes the source calendar's name and
 * {@value #TITLE} the source event's own title. Only {@value #TITLE} lets anything of the event leave its
 * calendar; it is opt-in, by writing it into the template.
 */
public record TitleTemplate(String template) {
    public static final String CALENDAR = "{calendar}";
    public static final String TITLE = "{title}";
    public static final int MAX_LENGTH = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{calendar}|\\{title}");
    /** A title with no text left (an untitled source under "{title}") is this. */
    public static final String FALLBACK = "Busy";

    public TitleTemplate {
        template = template == null || template.isBlank() ? FALLBACK : template;
        if (template.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("busyTitle: at most " + MAX_LENGTH + " characters");
        }
    }

    /** True when the template copies the source's title: details then leave the calendar. */
    public boolean revealsTitles() {
        return template.contains(TITLE);
    }

    /**
     * @param calendarName the source calendar's name
     * @param sourceTitle  the source event's title, or null
     */
    public String render(String calendarName, String sourceTitle) {
        // One pass, so a calendar name that reads "{title}" stays a name.
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder title = new StringBuilder();
        while (placeholder.find()) {
            String value = placeholder.group().equals(CALENDAR) ? calendarName : sourceTitle;
            placeholder.appendReplacement(title, Matcher.quoteReplacement(Objects.requireNonNullElse(value, "")));
        }
        placeholder.appendTail(title);
        String text = title.toString().strip();
        return text.isEmpty() ? FALLBACK : text;
    }
}
