package microblog.db;

import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Orders deletions so that rows are deleted before the rows they refer to, as
 * SQLAlchemy's unit of work does: deleting every user and then every post, in
 * one commit, must not trip the posts' foreign key to users. Hibernate runs
 * deletions in the order they were asked for, so the session sorts them first.
 */
final class DeleteOrder {
    private final Metamodel metamodel;
    private final Map<Class<?>, Integer> depths = new HashMap<>();

    DeleteOrder(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /**
     * How many many-to-one hops lead from {@code type} to an entity that refers
     * to nothing; larger depths are deleted first.
     */
    int depth(Class<?> type) {
        return depth(type, new HashSet<>());
    }

    private int depth(Class<?> type, Set<Class<?>> visiting) {
        Integer known = depths.get(type);
        if (known != null) {
            return known;
        }
        if (!visiting.add(type)) {
            return 0; // a cycle of references: no order satisfies it
        }
        int depth = 0;
        EntityType<?> entity = entityType(type);
        if (entity != null) {
            for (var attribute : entity.getSingularAttributes()) {
                var kind = attribute.getPersistentAttributeType();
                if (kind == PersistentAttributeType.MANY_TO_ONE || kind == PersistentAttributeType.ONE_TO_ONE) {
                    Class<?> target = attribute.getJavaType();
                    if (!target.equals(type)) {
                        depth = Math.max(depth, 1 + depth(target, visiting));
                    }
                }
            }
        }
        visiting.remove(type);
        depths.put(type, depth);
        return depth;
    }

    private EntityType<?> entityType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return metamodel.entity(c);
            } catch (IllegalArgumentException notAnEntity) {
                // a Hibernate proxy subclass: try its superclass
            }
        }
        return null;
    }
}
