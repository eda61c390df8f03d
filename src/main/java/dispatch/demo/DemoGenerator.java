package dispatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.common.text.Slugs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a plausible archive around the sample article: ~20 sections, ~100 tags, 20 authors, and
 * articles of every type in English and Spanish spread over two years (a few of them drafts or
 * scheduled, which readers must never see). Seeded, so every run generates the same archive shape.
 */
final class DemoGenerator {

    private static final String[][] SECTIONS = {
        {"news", "News", null}, {"russia", "Russia", "news"}, {"africa", "Africa", "news"}, {"americas", "Americas", "news"},
        {"europe", "Europe", "news"}, {"asia-pacific", "Asia Pacific", "news"}, {"middle-east", "Middle East", "news"},
        {"opinion", "Opinion", null}, {"editorials", "Editorials", "opinion"}, {"columnists", "Columnists", "opinion"},
        {"business", "Business", null}, {"markets", "Markets", "business"}, {"economy", "Economy", "business"},
        {"sport", "Sport", null}, {"football", "Football", "sport"}, {"tennis", "Tennis", "sport"},
        {"culture", "Culture", null}, {"books", "Books", "culture"}, {"film", "Film", "culture"}, {"music", "Music", "culture"},
        {"science", "Science", null}, {"technology", "Technology", null},
    };
    private static final String[] PLACES = {"Libya", "Russia", "Ukraine", "Kenya", "Brazil", "Argentina", "Mexico", "Peru", "Chile",
        "Colombia", "Spain", "France", "Germany", "Italy", "India", "China", "Japan", "Nigeria", "Egypt", "Turkey", "Iran", "Iraq",
        "Syria", "Lebanon", "Canada", "United States", "Venezuela", "Cuba", "Bolivia", "Ecuador", "South Africa", "Ethiopia",
        "Indonesia", "Pakistan", "Poland", "Greece", "Portugal", "Morocco", "Algeria", "Tunisia"};
    private static final String[] TOPICS = {"Elections", "Climate crisis", "Inflation", "Public health", "Education", "Migration",
        "Energy", "Artificial intelligence", "Housing", "Trade", "Human rights", "Diplomacy", "Defence", "Agriculture", "Water",
        "Transport", "Labour", "Tourism", "Space", "Oceans", "Wildlife", "Cybersecurity", "Social media", "Courts", "Corruption",
        "Protests", "Central banks", "Oil", "Mining", "Football", "Tennis", "Olympics", "Books", "Film", "Music", "Theatre",
        "Architecture", "Food", "Religion", "Poverty", "Refugees", "Drought", "Earthquakes", "Vaccines", "Startups",
        "Semiconductors", "Privacy", "Press freedom", "Indigenous rights", "Urban planning", "Explainer", "The long read",
        "Interview", "Podcast"};
    private static final String[][] AUTHORS = {{"Amira Haddad", "North Africa correspondent"},
        {"Lucía Fernández", "Corresponsal en Buenos Aires"}, {"James Okafor", "West Africa editor"},
        {"Sofia Petrova", "Moscow correspondent"}, {"Daniel Mendes", "Economics writer"}, {"Hannah Weiss", "Europe editor"},
        {"Ravi Nair", "South Asia correspondent"}, {"Carmen Ortega", "Editora de cultura"}, {"Tom Gallagher", "Sports writer"},
        {"Mei Lin", "Asia Pacific editor"}, {"Omar Khalil", "Middle East correspondent"}, {"Grace Mwangi", "Health reporter"},
        {"Pablo Ruiz", "Corresponsal en Ciudad de México"}, {"Elena Rossi", "Science editor"}, {"Noah Fischer", "Technology reporter"},
        {"Ana Souza", "Latin America editor"}, {"Yusuf Demir", "Istanbul correspondent"}, {"Claire Dubois", "Paris correspondent"},
        {"Marta Nowak", "Data journalist"}, {"Samuel Adeyemi", "Business reporter"}};
    private static final String[] TYPES = {"news", "news", "news", "news", "news", "news", "news", "news", "news", "news",
        "opinion", "opinion", "analysis", "analysis", "feature", "feature", "live", "audio", "video", "gallery"};

    private static final String[] EN_ACTORS = {"Government ministers", "Opposition leaders", "Central bankers", "Health officials",
        "Scientists", "Union members", "Judges", "Regional leaders", "Farmers", "Students", "Tech companies", "City councillors",
        "Investors", "Doctors", "Teachers"};
    private static final String[] EN_VERBS = {"back", "reject", "question", "delay", "approve", "warn over", "push for",
        "celebrate", "criticise", "debate"};
    private static final String[] EN_OBJECTS = {"new climate plan", "budget cuts", "election reform", "rail strike deal",
        "vaccine rollout", "housing bill", "trade agreement", "water rationing", "interest rate rise", "border talks",
        "stadium project", "rules on artificial intelligence", "mining licences", "school reforms", "energy subsidies"};
    private static final String[] EN_SENTENCES = {
        "%s said on %s that the %s would be discussed again next week.",
        "Officials in %s have faced growing pressure over the %s since the start of the year.",
        "Critics argue that the decision could affect thousands of people across %s.",
        "The announcement follows months of negotiations between %s and local authorities.",
        "Analysts expect the debate over the %s to shape the coming months in %s.",
        "\"We are ready to listen, but we will not accept further delays,\" a spokesperson for %s said.",
        "Figures published on %s showed a sharp change compared with the same period last year.",
        "Residents of %s told reporters they had heard little about the %s until this week.",
        "Several international organisations have offered to help %s carry out the plan.",
        "The measure is expected to be put to a vote before the end of the month."};
    private static final String[] ES_ACTORS = {"Líderes de la oposición", "Funcionarios de salud", "Científicos", "Sindicatos",
        "Jueces", "Agricultores", "Estudiantes", "Empresas tecnológicas", "Inversores", "Médicos", "Docentes", "Gobernadores"};
    private static final String[] ES_VERBS = {"respaldan", "rechazan", "cuestionan", "aplazan", "aprueban", "advierten sobre",
        "impulsan", "celebran", "critican", "debaten"};
    private static final String[] ES_OBJECTS = {"el nuevo plan climático", "los recortes presupuestarios", "la reforma electoral",
        "el acuerdo comercial", "la campaña de vacunación", "la ley de vivienda", "el racionamiento de agua",
        "la subida de tipos de interés", "las negociaciones fronterizas", "la reforma educativa", "los subsidios a la energía"};
    private static final String[] ES_SENTENCES = {
        "%s afirmaron el %s que %s se discutirá de nuevo la próxima semana.",
        "Las autoridades de %s enfrentan una presión creciente por %s desde comienzos de año.",
        "Los críticos sostienen que la decisión podría afectar a miles de personas en %s.",
        "El anuncio llega tras meses de negociaciones entre %s y las autoridades locales.",
        "Los analistas esperan que el debate sobre %s marque los próximos meses en %s.",
        "\"Estamos dispuestos a escuchar, pero no aceptaremos más retrasos\", dijo un portavoz de %s.",
        "Las cifras publicadas el %s mostraron un cambio marcado respecto del mismo periodo del año pasado.",
        "Vecinos de %s dijeron a la prensa que apenas habían oído hablar de %s hasta esta semana.",
        "Varias organizaciones internacionales ofrecieron ayuda a %s para llevar adelante el plan.",
        "Se espera que la medida se someta a votación antes de fin de mes."};
    private static final String[] EN_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] ES_DAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};

    private final DemoWriter writer;
    private final Random random;
    private final Random readers;
    private final Instant now;
    private final List<String> tagSlugs = new ArrayList<>();
    private final List<String> authorSlugs = new ArrayList<>();
    /** How many generated articles have each headline's slug, so that the next gets "-2", "-3", ... */
    private final Map<String, Integer> headlineSlugs = new HashMap<>();
    /** The slugs of the most recently generated published articles, which related links point to. */
    private final String[] published = new String[RELATED_POOL];
    private int publishedCount;

    DemoGenerator(DemoWriter writer, long seed, Instant now) {
        this.writer = writer;
        this.random = new Random(seed);
        this.readers = new Random(~seed); // comments draw from their own sequence: the articles stay the same archive
        this.now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static final int CHUNK = 1000;
    /**
     * Related links point to one of this many published articles generated before: memory stays
     * bounded however large the archive (a million slugs held until the end took more heap than
     * the instance's recommended 160 MiB).
     */
    static final int RELATED_POOL = 5000;

    /** Generates {@code count} articles, calling {@code checkpoint} after every chunk so they can be written out. */
    void generate(int count, Runnable checkpoint) {
        for (String[] s : SECTIONS) {
            writer.section(s[0], s[1], s[2]);
        }
        for (String name : PLACES) {
            addTag(name);
        }
        for (String name : TOPICS) {
            addTag(name);
        }
        for (String[] a : AUTHORS) {
            String slug = Slugs.of(a[0]);
            writer.author(slug, a[0], a[1]);
            authorSlugs.add(slug);
        }
        for (int i = 0; i < count; i++) {
            article(i, count);
            if ((i + 1) % CHUNK == 0) {
                checkpoint.run();
            }
        }
    }

    private void addTag(String name) {
        String slug = Slugs.of(name);
        writer.tag(slug, name);
        tagSlugs.add(slug);
    }

    private void article(int index, int count) {
        boolean spanish = random.nextInt(5) == 0;
        String type = pick(TYPES);
        String place = pick(PLACES);
        String actor = pick(spanish ? ES_ACTORS : EN_ACTORS);
        String object = pick(spanish ? ES_OBJECTS : EN_OBJECTS);
        String headline = actor + " " + pick(spanish ? ES_VERBS : EN_VERBS) + " " + object + (spanish ? " en " : " in ") + place;
        // numbered in the order generated; a headline's slug ends with a place, never with "-<digits>", so a
        // numbered one cannot be another headline's
        String base = Slugs.of(headline);
        String slug;
        do {
            int n = headlineSlugs.merge(base, 1, Integer::sum);
            slug = n == 1 ? base : base + "-" + n;
        } while (writer.hasArticle(slug)); // the sample document's
        // The newest tenth of the archive falls within the last two days (news sitemaps, "latest" feeds).
        long ageMinutes = index % 10 == 0 ? random.nextInt(2 * 24 * 60) : random.nextInt(730 * 24 * 60);
        Instant publishedAt = now.minus(Duration.ofMinutes(ageMinutes + 1));
        String status = "published";
        int roll = random.nextInt(100);
        if (roll < 3) {
            status = "draft";
            publishedAt = null;
        } else if (roll < 5) {
            status = "scheduled";
            publishedAt = now.plus(Duration.ofHours(1 + random.nextInt(72)));
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(Slugs.of(place));
        int extra = 1 + random.nextInt(4);
        while (tags.size() < 1 + extra) {
            tags.add(tagSlugs.get(PLACES.length + random.nextInt(tagSlugs.size() - PLACES.length)));
        }
        List<String> authors = new ArrayList<>();
        int bylines = random.nextInt(10) == 0 ? 0 : 1 + (random.nextInt(5) == 0 ? 1 : 0);
        while (authors.size() < bylines) {
            String author = authorSlugs.get(random.nextInt(authorSlugs.size()));
            if (!authors.contains(author)) {
                authors.add(author);
            }
        }
        List<String> related = new ArrayList<>();
        if (publishedCount > 0 && random.nextInt(5) == 0) {
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                String target = published[random.nextInt(Math.min(publishedCount, RELATED_POOL))];
                if (!related.contains(target)) {
                    related.add(target);
                }
            }
        }
        ArrayNode body = body(spanish, type, place, actor, object, related);
        writer.article(new DemoWriter.ArticleSpec(slug, type, status, section(type, place), spanish ? "es" : "en", publishedAt,
                headline, random.nextInt(4) == 0 ? headline.substring(0, Math.min(headline.length(), 60)) : null,
                standfirst(spanish, place, object), body, List.copyOf(tags), authors, related,
                random.nextInt(5) == 0 ? null : image(index, place, spanish), comments(status, publishedAt)));
        if ("published".equals(status)) {
            published[publishedCount++ % RELATED_POOL] = slug;
        }
    }

    /** For about a fifth of the published articles, 1 to 12 approved reader comments seven minutes apart, none later than now. */
    private List<Instant> comments(String status, Instant publishedAt) {
        if (!"published".equals(status) || readers.nextInt(5) != 0) {
            return List.of();
        }
        List<Instant> times = new ArrayList<>();
        for (int n = 1, count = 1 + readers.nextInt(12); n <= count; n++) {
            Instant at = publishedAt.plus(Duration.ofMinutes(7L * n));
            if (at.isAfter(now)) {
                break;
            }
            times.add(at);
        }
        return times;
    }

    /** Opinion goes to the opinion desk; a third of the rest to a topical desk, the others to the place's region. */
    private String section(String type, String place) {
        if (type.equals("opinion")) {
            return random.nextBoolean() ? "editorials" : "columnists";
        }
        if (random.nextInt(3) == 0) {
            String[] desks = {"markets", "economy", "football", "tennis", "books", "film", "music", "science", "technology"};
            return desks[random.nextInt(desks.length)];
        }
        return switch (place) {
            case "Russia", "Ukraine" -> "russia";
            case "Libya", "Kenya", "Nigeria", "Egypt", "South Africa", "Ethiopia", "Morocco", "Algeria", "Tunisia" -> "africa";
            case "Brazil", "Argentina", "Mexico", "Peru", "Chile", "Colombia", "Canada", "United States", "Venezuela", "Cuba",
                    "Bolivia", "Ecuador" -> "americas";
            case "Spain", "France", "Germany", "Italy", "Poland", "Greece", "Portugal" -> "europe";
            case "Turkey", "Iran", "Iraq", "Syria", "Lebanon" -> "middle-east";
            default -> "asia-pacific";
        };
    }

    private String standfirst(boolean spanish, String place, String object) {
        return spanish ? "Lo que se sabe sobre " + object + " en " + place + " y lo que puede pasar ahora."
                : "What we know about the " + object + " in " + place + ", and what could happen next.";
    }

    private ArrayNode body(boolean spanish, String type, String place, String actor, String object, List<String> related) {
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        if (type.equals("audio")) {
            body.addObject().put("type", "audio").put("url", "https://media.dispatch.example/audio/" + random.nextInt(100000) + ".mp3")
                    .put("mimeType", "audio/mpeg").put("durationSeconds", 300 + random.nextInt(1800))
                    .put("sizeBytes", 4_000_000 + random.nextInt(40_000_000))
                    .put("title", spanish ? "Escucha el episodio" : "Listen to the episode");
        }
        int paragraphs = 3 + random.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            if (p == 2 && random.nextInt(3) == 0) {
                body.addObject().put("type", "heading").put("level", 2).put("text", spanish ? "Qué viene ahora" : "What comes next");
            }
            StringBuilder text = new StringBuilder();
            for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
                text.append(s == 0 ? "" : " ").append(sentence(spanish, place, actor, object));
            }
            body.addObject().put("type", "paragraph").put("text", text.toString());
            if (p == 1 && !related.isEmpty() && random.nextBoolean()) {
                body.addObject().put("type", "related").put("slug", related.get(0));
            }
            if (p == 3 && random.nextInt(4) == 0) {
                ObjectNode quote = body.addObject().put("type", "quote")
                        .put("text", spanish ? "Nadie puede decir que no lo vimos venir." : "Nobody can say we did not see this coming.");
                quote.put("attribution", pick(AUTHORS)[0]);
            }
        }
        if (random.nextInt(6) == 0) {
            ArrayNode items = body.addObject().put("type", "list").put("style", "bulleted").putArray("items");
            items.add(spanish ? "Qué pasó" : "What happened").add(spanish ? "Quién está implicado" : "Who is involved")
                    .add(spanish ? "Qué sigue" : "What happens next");
        }
        return body;
    }

    private String sentence(boolean spanish, String place, String actor, String object) {
        String template = pick(spanish ? ES_SENTENCES : EN_SENTENCES);
        String day = pick(spanish ? ES_DAYS : EN_DAYS);
        Object[] args = switch (template.split("%s", -1).length - 1) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {template.contains("published on") || template.contains("publicadas el") ? day : place};
            case 2 -> template.startsWith("Analysts") || template.startsWith("Los analistas") ? new Object[] {object, place}
                    : template.startsWith("Officials") || template.startsWith("Las autoridades") || template.startsWith("Residents")
                            || template.startsWith("Vecinos") ? new Object[] {place, object} : new Object[] {actor, place};
            default -> new Object[] {actor, day, object};
        };
        return String.format(template, args);
    }

    private JsonNode image(int index, String place, boolean spanish) {
        ObjectNode image = JsonNodeFactory.instance.objectNode();
        image.put("url", "https://media.dispatch.example/photos/" + (1000 + index) + ".jpg");
        image.put("caption", spanish ? "Una calle de " + place + " esta semana." : "A street in " + place + " this week.");
        image.put("credit", "Photo: Dispatch/" + pick(AUTHORS)[0]);
        image.put("alt", spanish ? "Personas caminando por una calle de " + place : "People walking along a street in " + place);
        image.put("width", 1600);
        image.put("height", 900);
        return image;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
