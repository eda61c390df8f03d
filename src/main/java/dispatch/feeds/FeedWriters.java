package dispatch.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dispatch.common.NewsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Writes a {@link FeedDocument} as RSS 2.0, Atom 1.0 (both with ROME) or JSON Feed 1.1, and the podcast flavour of RSS. */
@ApplicationScoped
class FeedWriters {

    static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    static final String JSON_TYPE = "application/feed+json; charset=utf-8";
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private static final Namespace ITUNES = Namespace.getNamespace("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

    private final ObjectMapper json;
    private final NewsConfig.Feeds podcast;
    private final String publisher;

    FeedWriters(ObjectMapper json, NewsConfig config) {
        this.json = json;
        this.podcast = config.feeds();
        this.publisher = config.siteName();
    }

    byte[] rss(FeedDocument doc, boolean asPodcast) {
        SyndFeed feed = syndFeed(doc, "rss_2.0");
        // RSS has no self link of its own: atom:link rel="self", as feed validators ask
        Element self = new Element("link", ATOM);
        self.setAttribute("href", doc.selfUrl());
        self.setAttribute("rel", "self");
        self.setAttribute("type", "application/rss+xml");
        feed.setForeignMarkup(List.of(self));
        if (asPodcast) {
            FeedInformationImpl itunes = new FeedInformationImpl();
            itunes.setAuthor(podcast.podcastAuthor());
            itunes.setOwnerName(podcast.podcastAuthor());
            itunes.setOwnerEmailAddress(podcast.podcastEmail());
            itunes.setImageUri(podcast.podcastImage());
            itunes.setExplicit(false);
            itunes.setType("episodic");
            itunes.setSummary(doc.description());
            itunes.setCategories(List.of(new Category(podcast.podcastCategory())));
            itunes.setKeywords(new String[] {"news"});
            feed.getModules().add(itunes);
            feed.setImage(null);
        }
        for (int i = 0; i < doc.items().size(); i++) {
            FeedDocument.Item item = doc.items().get(i);
            SyndEntry entry = feed.getEntries().get(i);
            if (asPodcast && item.audio() != null) {
                EntryInformationImpl episode = new EntryInformationImpl();
                if (item.audio().durationSeconds() != null) {
                    episode.setDuration(new Duration(item.audio().durationSeconds() * 1000));
                }
                episode.setExplicit(false);
                episode.setEpisodeType("full");
                episode.setSummary(item.summary());
                entry.getModules().add(episode);
            }
        }
        // ROME writes yes/no; Apple's podcast specification asks for true/false
        return write(feed, xml -> {
            List<Element> flags = new ArrayList<>();
            xml.getRootElement().getDescendants(Filters.element("explicit", ITUNES)).forEach(flags::add);
            flags.forEach(explicit -> explicit.setText("no".equals(explicit.getTextTrim()) ? "false" : "true"));
        });
    }

    byte[] atom(FeedDocument doc) {
        SyndFeed feed = syndFeed(doc, "atom_1.0");
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(doc.selfUrl());
        self.setType("application/atom+xml");
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(doc.siteUrl());
        alternate.setType("text/html");
        feed.setLinks(List.of(alternate, self));
        feed.setUri(doc.selfUrl());
        // RFC 4287 4.1.1: an entry without a byline takes the feed's author, the publication
        SyndPersonImpl author = new SyndPersonImpl();
        author.setName(publisher);
        author.setUri(doc.siteUrl());
        feed.setAuthors(List.of(author));
        // ROME gives an entry without authors an empty <author><name/></author>, which no reader can use
        return write(feed, xml -> xml.getRootElement().getChildren("entry", xml.getRootElement().getNamespace())
                .forEach(entry -> entry.getChildren("author", entry.getNamespace())
                        .removeIf(person -> {
                            String name = person.getChildTextTrim("name", entry.getNamespace());
                            return name == null || name.isEmpty();
                        })));
    }

    byte[] json(FeedDocument doc) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", doc.title());
        feed.put("home_page_url", doc.siteUrl());
        feed.put("feed_url", doc.selfUrl());
        feed.put("description", doc.description());
        feed.put("language", doc.language());
        ArrayNode items = feed.putArray("items");
        for (FeedDocument.Item item : doc.items()) {
            ObjectNode entry = items.addObject();
            entry.put("id", "urn:uuid:" + item.id());
            entry.put("url", item.url());
            entry.put("title", item.title());
            if (item.contentHtml() != null) {
                entry.put("content_html", item.contentHtml());
            } else {
                entry.put("content_text", item.summary());
            }
            entry.put("summary", item.summary());
            if (item.image() != null) {
                entry.put("image", item.image().url());
            }
            entry.put("date_published", item.published().toString());
            entry.put("date_modified", item.updated().toString());
            if (!item.authors().isEmpty()) {
                ArrayNode authors = entry.putArray("authors");
                item.authors().forEach(name -> authors.addObject().put("name", name));
            }
            ArrayNode tags = entry.putArray("tags");
            item.categories().forEach(tags::add);
            entry.put("language", item.language());
            if (item.audio() != null) {
                ObjectNode attachment = entry.putArray("attachments").addObject();
                attachment.put("url", item.audio().url());
                attachment.put("mime_type", item.audio().mimeType());
                if (item.audio().sizeBytes() > 0) {
                    attachment.put("size_in_bytes", item.audio().sizeBytes());
                }
                if (item.audio().durationSeconds() != null) {
                    attachment.put("duration_in_seconds", item.audio().durationSeconds());
                }
            }
        }
        try {
            return json.writeValueAsBytes(feed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SyndFeed syndFeed(FeedDocument doc, String type) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(doc.title());
        feed.setLink(doc.siteUrl());
        feed.setDescription(doc.description());
        feed.setLanguage(doc.language());
        feed.setPublishedDate(Date.from(doc.updated()));
        feed.setGenerator("Dispatch");
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedDocument.Item item : doc.items()) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + item.id());
            entry.setTitle(item.title());
            entry.setLink(item.url());
            entry.setPublishedDate(Date.from(item.published()));
            entry.setUpdatedDate(Date.from(item.updated()));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(item.summary());
            entry.setDescription(summary);
            if (item.contentHtml() != null) {
                SyndContentImpl content = new SyndContentImpl();
                content.setType("html");
                content.setValue(item.contentHtml());
                entry.setContents(List.of(content));
            }
            if (!item.authors().isEmpty()) {
                List<com.rometools.rome.feed.synd.SyndPerson> people = new ArrayList<>();
                for (String name : item.authors()) {
                    SyndPersonImpl person = new SyndPersonImpl();
                    person.setName(name);
                    people.add(person);
                }
                entry.setAuthors(people);
                entry.setAuthor(String.join(", ", item.authors()));
            }
            List<com.rometools.rome.feed.synd.SyndCategory> categories = new ArrayList<>();
            for (String name : item.categories()) {
                SyndCategoryImpl category = new SyndCategoryImpl();
                category.setName(name);
                categories.add(category);
            }
            entry.setCategories(categories);
            if (item.audio() != null) {
                SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(item.audio().url());
                enclosure.setType(item.audio().mimeType());
                enclosure.setLength(item.audio().sizeBytes());
                entry.setEnclosures(List.of(enclosure));
            }
            if (item.image() != null) {
                entry.getModules().add(media(item.image()));
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    private static MediaEntryModuleImpl media(FeedDocument.Image image) {
        URI url = URI.create(image.url());
        MediaContent content = new MediaContent(new UrlReference(url));
        content.setMedium("image");
        content.setWidth(image.width());
        content.setHeight(image.height());
        Metadata metadata = new Metadata();
        if (image.caption() != null) {
            metadata.setDescription(image.caption());
            metadata.setDescriptionType("plain");
        }
        if (image.credit() != null) {
            metadata.setCredits(new Credit[] {new Credit(null, null, image.credit())});
        }
        if (image.alt() != null) {
            metadata.setTitle(image.alt());
            metadata.setTitleType("plain");
        }
        content.setMetadata(metadata);
        Thumbnail thumbnail = new Thumbnail(url, image.width(), image.height(), null);
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        media.setMediaContents(new MediaContent[] {content});
        Metadata entryMetadata = new Metadata();
        entryMetadata.setThumbnail(new Thumbnail[] {thumbnail});
        media.setMetadata(entryMetadata);
        return media;
    }

    private static byte[] write(SyndFeed feed, Consumer<Document> correction) {
        try {
            Document xml = new SyndFeedOutput().outputJDom(feed);
            correction.accept(xml);
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(xml).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write a feed", e);
        }
    }
}
