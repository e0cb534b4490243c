package microblog.db.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query options of a server URL that this project reads itself, turned into what the driver
 * takes: libpq's {@code target_session_attrs}, Prisma's {@code pgbouncer=true}, Galera's {@code
 * wsrep_sync_wait} and the MariaDB driver's failover mode {@code ha}. Every other parameter passes
 * to the driver as written.
 *
 * @param query                   the query for the JDBC URL, without its {@code ?}; empty for none
 * @param haMode                  the MariaDB driver's failover mode for the URL's scheme
 *                                ({@code sequential}), or null for none
 * @param behindTransactionPooler whether {@code pgbouncer=true} was given
 */
record ServerOptions(String query, String haMode, boolean behindTransactionPooler) {

    /** libpq's target_session_attrs, in pgJDBC's targetServerType words. */
    private static final Map<String, String> TARGET_SERVER_TYPES = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    private static final List<String> HA_MODES =
            List.of("sequential", "loadbalance", "load-balance-read", "replication");

    /**
     * Reads the options out of {@code rawQuery} (null for none) of a URL naming {@code hosts} hosts.
     *
     * @throws InvalidDatabaseUrlException naming the option and the values it takes, prefixed by {@code where}
     */
    static ServerOptions read(DatabaseKind kind, String rawQuery, int hosts, String where) {
        List<String> kept = new ArrayList<>();
        String targetSessionAttrs = null;
        String haMode = null;
        String syncWait = null;
        boolean pgbouncer = false;
        for (String parameter : rawQuery == null || rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            int eq = parameter.indexOf('=');
            String key = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            switch (key) {
                case "target_session_attrs" -> targetSessionAttrs =
                        only(kind, DatabaseKind.POSTGRESQL, key, value, where);
                case "pgbouncer" -> pgbouncer = bool(only(kind, DatabaseKind.POSTGRESQL, key, value, where), where);
                case "ha" -> haMode = only(kind, DatabaseKind.MYSQL, key, value, where);
                case "wsrep_sync_wait" -> syncWait = only(kind, DatabaseKind.MYSQL, key, value, where);
                default -> kept.add(parameter);
            }
        }
        if (targetSessionAttrs != null) {
            String type = TARGET_SERVER_TYPES.get(targetSessionAttrs.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new InvalidDatabaseUrlException(where + " has target_session_attrs=" + targetSessionAttrs
                        + ": use any, read-write, read-only, primary, standby or prefer-standby");
            }
            if (has(kept, "targetservertype")) {
                throw new InvalidDatabaseUrlException(
                        where + " gives both target_session_attrs and targetServerType: keep one");
            }
            kept.add("targetServerType=" + type);
        }
        if (pgbouncer && !has(kept, "preparethreshold")) {
            kept.add("prepareThreshold=0"); // a transaction pooler hands each transaction another server session
        } else if (pgbouncer
                && kept.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).equals("preparethreshold=0"))) {
            throw new InvalidDatabaseUrlException(where + " has pgbouncer=true and a prepareThreshold other than 0: "
                    + "through a transaction pooler a prepared COMMIT can run as another client's ROLLBACK; remove "
                    + "prepareThreshold");
        }
        if (syncWait != null) {
            if (!syncWait.matches("[0-9]{1,2}") || Integer.parseInt(syncWait) > 15) {
                throw new InvalidDatabaseUrlException(
                        where + " has wsrep_sync_wait=" + syncWait + ": use a number from 0 to 15, as 1 for reads");
            }
            addSessionVariable(kept, "wsrep_sync_wait=" + Integer.parseInt(syncWait));
        }
        if (haMode != null && !HA_MODES.contains(haMode.toLowerCase(Locale.ROOT))) {
            throw new InvalidDatabaseUrlException(where + " has ha=" + haMode + ": use "
                    + String.join(", ", HA_MODES.subList(0, 3)) + " or " + HA_MODES.get(3));
        }
        if (haMode == null && hosts > 1 && kind == DatabaseKind.MYSQL) {
            haMode = "sequential"; // else the driver would use the first host only
        }
        return new ServerOptions(
                String.join("&", kept), haMode == null ? null : haMode.toLowerCase(Locale.ROOT), pgbouncer);
    }

    private static String only(DatabaseKind kind, DatabaseKind wanted, String key, String value, String where) {
        if (kind != wanted) {
            throw new InvalidDatabaseUrlException(
                    where + " has " + key + ", which only " + wanted.displayName() + " URLs take: remove it");
        }
        return value;
    }

    private static boolean bool(String value, String where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidDatabaseUrlException(
                    where + " has pgbouncer=" + value + ": use pgbouncer=true or leave it out");
        };
    }

    private static boolean has(List<String> parameters, String lowerCaseKey) {
        return parameters.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).startsWith(lowerCaseKey + "="));
    }

    /** MariaDB Connector/J takes several session variables in one parameter, comma-separated. */
    private static void addSessionVariable(List<String> parameters, String variable) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).toLowerCase(Locale.ROOT).startsWith("sessionvariables=")) {
                parameters.set(i, parameters.get(i) + "," + variable);
                return;
            }
        }
        parameters.add("sessionVariables=" + variable);
    }
}
