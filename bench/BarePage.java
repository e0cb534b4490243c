import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;

/**
 * The ceiling for the index page: the app's query and HTML with no web
 * framework, ORM or template engine; the JDK's HTTP server, plain JDBC and
 * hand-written escaping. Run by bench/run, which compares the app with it.
 * Usage: java -cp CLASSPATH bench/BarePage.java PORT SQLITE_FILE
 */
public final class BarePage {
    // The columns the ORM reads for a post and its author, in the app's order.
    private static final String QUERY = """
            SELECT p.id, p.body, p.timestamp, p.user_id, u.id, u.username, u.email, u.password_hash
            FROM post p LEFT OUTER JOIN "user" u ON u.id = p.user_id
            ORDER BY p.timestamp DESC, p.id DESC LIMIT 20""";
    private static final int THREADS = 32; // one per wrk connection: no request waits for a thread

    private static String url;
    // SQLite connections are not shared between threads; each worker keeps its own.
    private static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(BarePage::connect);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        url = "jdbc:sqlite:" + args[1];
        // Without TCP_NODELAY, small keep-alive responses wait ~40 ms for delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", BarePage::index);
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.start();
        System.err.println("BarePage serving http://127.0.0.1:" + port + "/");
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void index(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = render().getBytes(StandardCharsets.UTF_8);
        } catch (SQLException e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The HTML the app's index.html and base.html give for the same posts. */
    private static String render() throws SQLException {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n")
                .append("    <title>Home - Microblog</title>\n  </head>\n  <body>\n")
                .append("    <div>Microblog: <a href=\"/index\">Home</a> <a href=\"/login\">Login</a></div>\n")
                .append("    <hr>\n    <h1>Hi, there!</h1>\n");
        int posts = 0;
        try (Statement statement = CONNECTION.get().createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                rows.getInt(1);
                String body = rows.getString(2);
                rows.getString(3);
                rows.getInt(4);
                rows.getInt(5);
                String username = rows.getString(6);
                rows.getString(7);
                rows.getString(8);
                html.append("    <div class=\"post\"><p>").append(escape(username)).append(" says: <b>")
                        .append(escape(body)).append("</b></p></div>\n");
                posts++;
            }
        }
        if (posts == 0) {
            html.append("    <p class=\"no-posts\">No posts yet.</p>\n");
        }
        return html.append("  </body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
