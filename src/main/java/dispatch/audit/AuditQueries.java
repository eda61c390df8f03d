package dispatch.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.audit.api.AuditEntry;
import dispatch.common.http.Cursors;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.persistence.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log, newest first, by keyset on its id. */
@ApplicationScoped
public class AuditQueries {

    private final EntityManager em;
    private final ObjectMapper json;

    AuditQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Page<AuditEntry> list(String entityType, String entityId, String actor, String action, String cursor, String limit) {
        int size = QueryValues.limit(limit, 50, 200);
        StringBuilder sql = new StringBuilder("select id, at, actor, action, entity_type, entity_id, details::text from audit_log where true");
        Map<String, Object> params = new HashMap<>();
        addFilter(sql, params, "entity_type", "entityType", QueryValues.bounded(entityType, "entityType", 100));
        addFilter(sql, params, "entity_id", "entityId", QueryValues.bounded(entityId, "entityId", 100));
        addFilter(sql, params, "actor", "actor", QueryValues.bounded(actor, "actor", 100));
        addFilter(sql, params, "action", "action", QueryValues.bounded(action, "action", 100));
        if (cursor != null) {
            try {
                params.put("afterId", Long.parseLong(Cursors.decode(cursor, 1).get(0)));
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "not a cursor this API issued");
            }
            sql.append(" and id < :afterId");
        }
        sql.append(" order by id desc limit ").append(size + 1);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<AuditEntry> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            try {
                entries.add(new AuditEntry(((Number) r[0]).longValue(), Rows.instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], json.readTree((String) r[6])));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        boolean more = entries.size() > size;
        List<AuditEntry> page = more ? entries.subList(0, size) : entries;
        return new Page<>(page, more ? Cursors.encode(List.of(Long.toString(page.get(page.size() - 1).id()))) : null);
    }

    private static void addFilter(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
