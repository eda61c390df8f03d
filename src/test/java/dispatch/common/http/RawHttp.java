package dispatch.common.http;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A request written as raw bytes on a socket, for what no HTTP client library would send: characters
 * browsers leave raw in a query, over-long lines, broken framing. Reads the answer to its end (the
 * requests say {@code Connection: close}, or the server closes).
 */
final class RawHttp {

    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** A GET of {@code target} from a page on another origin. */
    static Answer get(URI base, String target) throws Exception {
        return send(base, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://front.example\r\nConnection: close\r\n\r\n");
    }

    static Answer send(URI base, String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) {
                throw new AssertionError("no answer, or no end of headers, in: '" + text + "'");
            }
            String head = text.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }
    }
}
