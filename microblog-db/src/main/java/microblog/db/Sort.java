package microblog.db;

import jakarta.persistence.metamodel.Attribute;

/**
 * One ORDER BY term: {@code Sort.desc("username")}, or type-checked with the
 * generated metamodel, {@code Sort.desc(User_.username)}.
 */
public record Sort(String attribute, boolean ascending) {

    public static Sort asc(String attribute) {
        return new Sort(attribute, true);
    }

    public static Sort desc(String attribute) {
        return new Sort(attribute, false);
    }

    public static Sort asc(Attribute<?, ?> attribute) {
        return asc(attribute.getName());
    }

    public static Sort desc(Attribute<?, ?> attribute) {
        return desc(attribute.getName());
    }

    @Override
    public String toString() {
        return attribute + (ascending ? " ASC" : " DESC");
    }
}
