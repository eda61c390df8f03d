package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    private static byte[] json(int items) {
        StringBuilder s = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items; i++) {
            s.append(i == 0 ? "" : ",").append("{\"slug\":\"story-").append(i).append("\",\"headline\":\"Headline number ").append(i).append("\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Inflates with the JDK's own reader, independent of {@link Gzip}; CachingTest uses it too. */
    static byte[] gunzip(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void compressedBodiesAreStandardGzipThatInflatesToTheSameBytes() throws IOException {
        byte[] random = new byte[70_000]; // incompressible: the output outgrows its first buffer
        new Random(7).nextBytes(random);
        for (byte[] body : new byte[][] {new byte[0], "{}".getBytes(StandardCharsets.UTF_8), json(20), json(2_000), random}) {
            byte[] gzip = Gzip.compress(body);
            assertArrayEquals(body, gunzip(gzip), "any gzip decoder reads it");
            assertArrayEquals(body, Gzip.inflate(gzip, body.length));
        }
        byte[] list = json(200);
        assertTrue(Gzip.compress(list).length * 4 < list.length, "JSON shrinks several times");
    }

    @Test
    void pooledCodersServeManyThreadsAtOnceWithoutMixingTheirBodies() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        byte[] body = json(1 + (thread * 300 + i) % 97);
                        if (!java.util.Arrays.equals(body, Gzip.inflate(Gzip.compress(body), body.length))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBodyThatDoesNotInflateToItsLengthIsAnError() {
        byte[] body = json(50);
        byte[] gzip = Gzip.compress(body);
        assertThrows(IllegalStateException.class, () -> Gzip.inflate(gzip, body.length + 1));
        assertThrows(IllegalStateException.class, () -> Gzip.inflate(gzip, body.length - 1));
        assertArrayEquals(body, Gzip.inflate(gzip, body.length), "and the inflater is reset for the next body");
    }

    @Test
    void gzipIsAcceptedByNameOrWildcardUnlessItsWeightIsZero() {
        assertTrue(Gzip.accepted("gzip"));
        assertTrue(Gzip.accepted("GZip"));
        assertTrue(Gzip.accepted("gzip, deflate, br"));
        assertTrue(Gzip.accepted("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assertTrue(Gzip.accepted("deflate, gzip ; q=0.5"));
        assertTrue(Gzip.accepted("x-gzip"));
        assertTrue(Gzip.accepted("*"));
        assertTrue(Gzip.accepted("identity;q=0.5, *"));

        assertFalse(Gzip.accepted(null));
        assertFalse(Gzip.accepted(""));
        assertFalse(Gzip.accepted("identity"));
        assertFalse(Gzip.accepted("deflate, br"));
        assertFalse(Gzip.accepted("gzip;q=0"));
        assertFalse(Gzip.accepted("gzip;q=0.000, deflate"));
        assertFalse(Gzip.accepted("br;q=1, gzip;q=0"));
        assertFalse(Gzip.accepted("gzip;q=0, *"), "an explicit refusal wins over the wildcard");
        assertFalse(Gzip.accepted("*;q=0"));
        assertFalse(Gzip.accepted("gzip;q=nonsense"));
        assertFalse(Gzip.accepted("gzipped"));
    }

    @Test
    void theGzipCodingHasAStrongTagOfItsOwn() {
        String identity = Representations.etagOf(json(3));
        String gzip = Gzip.etag(identity);
        assertNotEquals(identity, gzip);
        assertTrue(gzip.startsWith("\"") && gzip.endsWith("-gzip\""));
        assertEquals(identity.substring(0, identity.length() - 1), gzip.substring(0, identity.length() - 1));
        assertFalse(Representations.matches(identity, gzip));
        assertTrue(Representations.matches("W/" + gzip, gzip));
    }
}
