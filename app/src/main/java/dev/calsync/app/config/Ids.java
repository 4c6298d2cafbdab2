package dev.calsync.app.config;

import java.util.regex.Pattern;

/** The shape of account and group ids: safe in calendar keys ("account/calendar"), markers and env names. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Ids() {
    }

    /** @return null if valid, else what is wrong */
    static String check(String id) {
        if (ID.matcher(id).matches()) {
            return null;
        }
        return "must be 1-64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit, was '"
                + id + "'";
    }
}
