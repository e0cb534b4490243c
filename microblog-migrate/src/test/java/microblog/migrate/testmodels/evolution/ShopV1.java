package microblog.migrate.testmodels.evolution;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.List;

/** The first version: orders with a status stored by name and a priority by position, and vehicles of one kind, cars, in one table. */
public final class ShopV1 {
    public static final List<Class<?>> MODELS = List.of(Order.class, Vehicle.class, Car.class);

    private ShopV1() {}

    public enum Status {
        NEW,
        PAID
    }

    @Entity(name = "ShopOrder")
    @Table(name = "shop_order")
    public static class Order {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Enumerated(EnumType.STRING)
        public Status status;

        @Enumerated(EnumType.ORDINAL)
        public Status priority;

        public Order() {}

        public Order(Status status) {
            this.status = status;
            this.priority = status;
        }
    }

    @Entity(name = "Vehicle")
    @Table(name = "vehicle")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorValue("vehicle")
    public static class Vehicle {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;
    }

    @Entity(name = "Car")
    @DiscriminatorValue("car")
    public static class Car extends Vehicle {
        public String plate;
    }
}
