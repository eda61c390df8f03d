package dispatch.comments;

import dispatch.common.text.Html;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Readers write plain text with links. On the way in, any markup is stripped (repeatedly, so that
 * escaped markup cannot come back to life); on the way out, the text is escaped and only our own
 * tags are added: paragraphs, line breaks, and links to http(s) URLs marked {@code nofollow ugc}.
 */
final class CommentText {

    private static final Document.OutputSettings RAW = new Document.OutputSettings().prettyPrint(false);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private CommentText() {
    }

    /** Reader text without any markup, control characters or surrounding blank space. */
    static String plain(String input) {
        if (input == null) {
            return "";
        }
        String text = input.replace("\r\n", "\n").replace('\r', '\n');
        for (int round = 0; round < 5; round++) {
            String cleaned = Parser.unescapeEntities(Jsoup.clean(text, "", Safelist.none(), RAW), false);
            if (cleaned.equals(text)) {
                break;
            }
            text = cleaned;
        }
        return CONTROL.matcher(text).replaceAll("").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** A display name: plain, on one line, without angle brackets. */
    static String name(String input) {
        return plain(input).replaceAll("\\s+", " ").replace("<", "").replace(">", "").strip();
    }

    /** Safe HTML for plain comment text: escaped, paragraphs and line breaks, http(s) links. */
    static String html(String plain) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : plain.split("\n\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                linkify(html, lines[i]);
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void linkify(StringBuilder html, String line) {
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            html.append(Html.escape(line.substring(at, m.start())));
            String url = m.group();
            if (Html.isSafeUrl(url)) {
                html.append("<a href=\"").append(Html.escape(url)).append("\" rel=\"nofollow ugc noopener\">").append(Html.escape(url))
                        .append("</a>");
            } else {
                html.append(Html.escape(url));
            }
            at = m.end();
        }
        html.append(Html.escape(line.substring(at)));
    }
}
