package dev.calsync.core.group;

/** What to do when a person moves or deletes a block by hand. */
public enum ManualEditPolicy {
    /** Put the block back as the source says, at once. */
    RESTORE,
    /** Leave the edited block alone until its source changes. */
    RESPECT;

    public static ManualEditPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown manualEdits policy '" + text + "' (restore or respect)");
        }
    }
}
