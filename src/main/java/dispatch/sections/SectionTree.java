package dispatch.sections;

import dispatch.sections.api.SectionNode;
import dispatch.sections.api.SectionRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of sections. The tree is small and read on every article request (breadcrumbs,
 * descendant filters), so it is held in memory as an immutable snapshot, loaded once and replaced
 * whenever sections change ({@link #invalidate()}): no recursive query per request.
 */
@ApplicationScoped
public class SectionTree {

    private final SectionRepository repository;
    private volatile Snapshot snapshot;

    SectionTree(SectionRepository repository) {
        this.repository = repository;
    }

    /** Drops the snapshot; the next read loads the tree again. */
    public void invalidate() {
        snapshot = null;
    }

    /**
     * Drops the snapshot when the current transaction commits (and now): a reader that reloads the tree
     * before the commit would otherwise cache the old one.
     */
    void invalidateAfterCommit(jakarta.transaction.TransactionSynchronizationRegistry registry) {
        snapshot = null;
        registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshot = null;
            }
        });
    }

    public Optional<Section> bySlug(String slug) {
        return Optional.ofNullable(current().bySlug.get(slug));
    }

    public String slugOf(UUID id) {
        Section section = current().byId.get(id);
        return section == null ? null : section.slug;
    }

    /** The section as embedded in articles, breadcrumb included. */
    public SectionRef ref(UUID id) {
        Snapshot s = current();
        Section section = s.byId.get(id);
        return section == null ? null : new SectionRef(section.slug, section.name, path(s, section));
    }

    /** The breadcrumb of a section: from the root down to itself. */
    public List<SectionRef.PathItem> path(Section section) {
        return path(current(), section);
    }

    public Optional<Section> parentOf(Section section) {
        return Optional.ofNullable(section.parentId == null ? null : current().byId.get(section.parentId));
    }

    public List<Section> childrenOf(Section section) {
        return current().children.getOrDefault(section.id, List.of());
    }

    /** The ids of a section and all its descendants; empty for an unknown slug. */
    public Set<UUID> subtreeIds(String slug) {
        Snapshot s = current();
        Section root = s.bySlug.get(slug);
        if (root == null) {
            return Set.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        List<Section> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Section next = pending.remove(pending.size() - 1);
            if (ids.add(next.id)) {
                pending.addAll(s.children.getOrDefault(next.id, List.of()));
            }
        }
        return ids;
    }

    /** The whole tree, roots and siblings in editorial order. */
    public List<SectionNode> tree() {
        Snapshot s = current();
        return s.roots.stream().map(root -> node(s, root)).toList();
    }

    private SectionNode node(Snapshot s, Section section) {
        List<SectionNode> children = s.children.getOrDefault(section.id, List.of()).stream().map(c -> node(s, c)).toList();
        return new SectionNode(section.slug, section.name, section.description, children);
    }

    private static List<SectionRef.PathItem> path(Snapshot s, Section section) {
        List<SectionRef.PathItem> path = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (Section at = section; at != null && seen.add(at.id); at = at.parentId == null ? null : s.byId.get(at.parentId)) {
            path.add(new SectionRef.PathItem(at.slug, at.name));
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            s = new Snapshot(repository.listInTreeOrder());
            snapshot = s;
        }
        return s;
    }

    private static final class Snapshot {
        final Map<UUID, Section> byId = new HashMap<>();
        final Map<String, Section> bySlug = new HashMap<>();
        final Map<UUID, List<Section>> children = new HashMap<>();
        final List<Section> roots = new ArrayList<>();

        Snapshot(List<Section> sections) {
            for (Section section : sections) {
                byId.put(section.id, section);
                bySlug.put(section.slug, section);
            }
            for (Section section : sections) {
                if (section.parentId == null || !byId.containsKey(section.parentId)) {
                    roots.add(section);
                } else {
                    children.computeIfAbsent(section.parentId, k -> new ArrayList<>()).add(section);
                }
            }
        }
    }
}
