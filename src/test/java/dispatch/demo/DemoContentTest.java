package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.articles.ArticleRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoContentTest {

    @Inject
    DemoContent demo;

    @Inject
    ArticleRepository articles;

    @Test
    void loadingTwiceWritesNothingTheSecondTime() {
        long before = articles.countAll();
        assertEquals(0, demo.loadIfEmpty(50));
        assertEquals(before, articles.countAll());
    }
}
