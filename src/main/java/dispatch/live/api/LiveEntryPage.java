package dispatch.live.api;

import java.util.List;

/**
 * A page of live entries, newest first. {@code lastEventId} is where the event stream stands now:
 * open the stream with it to miss nothing that happens after this page.
 */
public record LiveEntryPage(List<LiveEntry> items, String next, boolean closed, String lastEventId) {
}
