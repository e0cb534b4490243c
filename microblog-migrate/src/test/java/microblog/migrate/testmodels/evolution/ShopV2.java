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

/** The second version: a status constant added (SHIPPED, stored by name and by position) and a second kind of vehicle, bikes. */
public final class ShopV2 {
    public static final List<Class<?>> MODELS = List.of(Order.class, Vehicle.class, Car.class, Bike.class);

    private ShopV2() {}

    public enum Status {
        NEW,
        PAID,
        SHIPPED
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

    @Entity(name = "Bike")
    @DiscriminatorValue("bike")
    public static class Bike extends Vehicle {
        public Integer gears;
    }
}
