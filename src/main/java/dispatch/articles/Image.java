package dispatch.articles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A picture with what a page prints around it: caption, credit, alt text and its size. */
@Entity
@Table(name = "images")
public class Image {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    public String caption;

    public String credit;

    @Column(name = "alt_text")
    public String altText;

    public Integer width;

    public Integer height;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
