package microblog.migrate.operations;

public record DropIndex(String name, String table) implements Operation {
    @Override
    public String describe() {
        return "drop_index " + name + " on " + table;
    }
}
