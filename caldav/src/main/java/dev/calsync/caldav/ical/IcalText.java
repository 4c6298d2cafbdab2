package dev.calsync.caldav.ical;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/**
 * iCalendar text to ical4j. Lines are given CRLF endings first: calendar-data travels inside XML, whose parsers
 * turn every CRLF into LF, and ical4j unfolds a long line only where a CRLF precedes the space, so a folded line
 * would otherwise lose its continuation without a word.
 */
final class IcalText {
    private IcalText() {
    }

    static Calendar parse(String ics) throws MalformedResourceException {
        if (ics == null || ics.isBlank()) {
            throw new MalformedResourceException("empty resource");
        }
        String crlf = ics.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        try {
            return new CalendarBuilder().build(new StringReader(crlf));
        } catch (ParserException e) {
            throw new MalformedResourceException("not iCalendar (line " + e.getLineNo() + ")", e);
        } catch (Exception e) {
            throw new MalformedResourceException("not iCalendar (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
