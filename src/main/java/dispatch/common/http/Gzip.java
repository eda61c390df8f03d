package dispatch.common.http;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The gzip content coding (RFC 1952) of stored responses: compressed once when a response is stored,
 * sent as it is to the clients that accept gzip (browsers, apps, CDNs), inflated for the rest.
 * Deflaters and inflaters are pooled: making one allocates and clears zlib's state (about 260 KiB of
 * native memory for a deflater), which costs more than compressing a small body, and one per worker
 * thread would hold tens of megabytes outside the heap.
 */
public final class Gzip {

    /** The fixed member header written here: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;

    /** More than the cores can use at once; a thread that finds the pool empty makes one and ends it after. */
    private static final int POOLED = 2 * Runtime.getRuntime().availableProcessors();
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOLED);
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOLED);

    private Gzip() {
    }

    /** One gzip member holding {@code data}. */
    public static byte[] compress(byte[] data) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        try {
            return compress(deflater, data);
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    private static byte[] compress(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[HEADER.length + data.length / 2 + 64];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int length = HEADER.length;
        while (!deflater.finished()) {
            if (length == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            length += deflater.deflate(out, length, out.length - length);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        out = Arrays.copyOf(out, length + TRAILER);
        ByteBuffer.wrap(out, length, TRAILER).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt(data.length);
        return out;
    }

    /** The {@code length} bytes that {@link #compress} made {@code gzip} of. */
    public static byte[] inflate(byte[] gzip, int length) {
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        try {
            return inflate(inflater, gzip, length);
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    private static byte[] inflate(Inflater inflater, byte[] gzip, int length) {
        inflater.setInput(gzip, HEADER.length, gzip.length - HEADER.length - TRAILER);
        byte[] out = new byte[length];
        try {
            int n = 0;
            while (n < length && !inflater.finished()) {
                int step = inflater.inflate(out, n, length - n);
                if (step == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += step;
            }
            if (n == length && !inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                n++; // there is more than was said
            }
            if (n != length || !inflater.finished()) {
                throw new IllegalStateException("A stored gzip body does not inflate to its " + length + " bytes");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored gzip body is corrupt", e);
        }
        return out;
    }

    /**
     * Whether an {@code Accept-Encoding} value (RFC 9110 section 12.5.3) allows gzip: a {@code gzip}
     * (or {@code x-gzip}) or {@code *} member whose weight is not zero, where an explicit {@code gzip}
     * member wins over {@code *}.
     */
    public static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        Boolean wildcard = null;
        int start = 0;
        int length = acceptEncoding.length();
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            String member = acceptEncoding.substring(start, end);
            start = end + 1;
            int semicolon = member.indexOf(';');
            String coding = (semicolon < 0 ? member : member.substring(0, semicolon)).trim();
            boolean allowed = semicolon < 0 || weight(member.substring(semicolon + 1)) > 0;
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return wildcard != null && wildcard;
    }

    /** The {@code q} of a member's parameters; 1 when absent, 0 when malformed (not acceptable). */
    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.trim();
            if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /**
     * The entity tag of the gzip-coded representation: a strong validator names exact bytes, so the
     * two codings of one response carry different tags (RFC 9110 section 8.8.3), as Apache's
     * {@code -gzip} suffix does.
     */
    public static String etag(String identityEtag) {
        return identityEtag.substring(0, identityEtag.length() - 1) + "-gzip\"";
    }
}
