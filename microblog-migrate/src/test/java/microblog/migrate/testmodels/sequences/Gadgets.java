package microblog.migrate.testmodels.sequences;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One table, {@code gadget}, whose key is first an identity column, then numbered by
 * {@code gadget_seq}, 50 ids a call, then 10.
 */
public final class Gadgets {
    private Gadgets() {}

    public static final List<Class<?>> IDENTITY = List.of(IdentityGadget.class);
    public static final List<Class<?>> SEQUENCE = List.of(SequenceGadget.class);
    public static final List<Class<?>> SMALL_BLOCKS = List.of(SmallBlockGadget.class);

    @Entity(name = "IdentityGadget")
    @Table(name = "gadget")
    public static class IdentityGadget {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;

        @Column(length = 40)
        public String name;

        public IdentityGadget() {}

        public IdentityGadget(String name) {
            this.name = name;
        }
    }

    @Entity(name = "SequenceGadget")
    @Table(name = "gadget")
    public static class SequenceGadget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gadget_seq")
        @jakarta.persistence.SequenceGenerator(name = "gadget_seq", sequenceName = "gadget_seq", allocationSize = 50)
        public Long id;

        @Column(length = 40)
        public String name;

        public SequenceGadget() {}

        public SequenceGadget(String name) {
            this.name = name;
        }
    }

    /** The same sequence, 10 ids a call. */
    @Entity(name = "SmallBlockGadget")
    @Table(name = "gadget")
    public static class SmallBlockGadget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gadget_seq")
        @jakarta.persistence.SequenceGenerator(name = "gadget_seq", sequenceName = "gadget_seq", allocationSize = 10)
        public Long id;

        @Column(length = 40)
        public String name;

        public SmallBlockGadget() {}

        public SmallBlockGadget(String name) {
            this.name = name;
        }
    }
}
