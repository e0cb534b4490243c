package microblog.db.jdbc;

import java.sql.SQLException;
import microblog.db.url.DatabaseUrl;

/** Turns a driver's connection failure into one line that says what to do. */
final class ConnectionErrors {
    private ConnectionErrors() {}

    static String explain(DatabaseUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = url.kind().displayName() + " at " + url;
        String detail = url.scrub(firstLine(e.getMessage()));
        if (detail.startsWith("No suitable driver")) {
            return "no JDBC driver for " + url.kind().displayName() + " on the class path: add "
                    + url.kind().driverArtifact() + " to the application's dependencies";
        }
        if (state.startsWith("08") || detail.contains("Connection refused") || detail.contains("Socket fail")) {
            return "cannot reach " + where + ": is the server running and the host and port right? (" + detail + ")";
        }
        if (state.equals("28P01") || state.equals("28000") || e.getErrorCode() == 1045) {
            return "the server refused the user name or password in the database URL for " + where + " (" + detail
                    + ")";
        }
        if (url.kind().dialect().isUnknownDatabase(e)) {
            String create = url.kind().dialect().createDatabaseHint();
            return "the database in the database URL does not exist on " + where + ": create it first (" + create
                    + "), then run the command again (" + detail + ")";
        }
        return "cannot open " + where + ": " + detail;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details from the driver";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
