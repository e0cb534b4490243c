package microblog.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import microblog.app.Microblog;
import microblog.app.TestProject;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the pages do about hostile or careless clients, over real HTTP. */
class WebHardeningTest {
    @TempDir
    Path base;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private Javalin server(Microblog app, Clock clock) {
        Javalin server = WebServer.create(app, clock).start("127.0.0.1", 0);
        open.add(server::stop);
        return server;
    }

    private Microblog app(String url) throws Exception {
        return app(base, url);
    }

    private Microblog app(Path dir, String url) throws Exception {
        return app(dir, Map.of("DATABASE_URL", url));
    }

    private Microblog app(Path dir, Map<String, String> settings) throws Exception {
        Files.createDirectories(dir);
        Microblog app = TestProject.migratedApp(dir, settings);
        open.add(app);
        return app;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private HttpResponse<String> send(
            Javalin server, String method, String path, Map<String, String> form, Map<String, String> headers)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(Javalin server, String path) throws Exception {
        return send(server, "GET", path, Map.of(), Map.of());
    }

    @Test
    void aPageOnADatabaseWithoutItsTablesIsTheSites500PageAndOneLogLineSayingWhatToRun() throws Exception {
        Files.createDirectories(base);
        Microblog app = new Microblog(microblog.app.Config.load(base, Map.of("DATABASE_URL", "sqlite:///bare.db")));
        open.add(app);
        Javalin server = server(app, Clock.systemUTC());
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(PageFailures.class.getName());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        try {
            HttpResponse<String> page = get(server, "/");
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("An unexpected error has occurred").contains("<html");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("GET / failed: ")
                    .endsWith("(the database lacks a table the page reads: apply the migrations with "
                            + "./microblog db upgrade)")
                    .doesNotContain("\n"));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void anonymousPageViewsSetNoCookieAndEveryResponseCarriesTheSecurityHeaders() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        for (String path : List.of("/", "/index", "/nowhere")) {
            HttpResponse<String> page = get(server, path);
            assertThat(page.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
        assertThat(get(server, "/login").headers().firstValue("Set-Cookie"))
                .as("a form needs its CSRF secret")
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("session=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void aWrongMethodIs405WithTheMethodsAllowed() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        HttpResponse<String> post = send(server, "POST", "/index", Map.of("a", "b"), Map.of());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        HttpResponse<String> delete = send(server, "DELETE", "/login", Map.of(), Map.of());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, POST, HEAD, OPTIONS");
        assertThat(get(server, "/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void optionsOnAPageListsItsMethodsAsWerkzeugDoes() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        HttpResponse<String> index = send(server, "OPTIONS", "/index", Map.of(), Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(index.body()).isEmpty();
        HttpResponse<String> login = send(server, "OPTIONS", "/login", Map.of(), Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Allow")).contains("GET, POST, HEAD, OPTIONS");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(send(server, "OPTIONS", "/nowhere", Map.of(), Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUnknownPageIsTheSitesOwnNotFoundPage() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        HttpResponse<String> page = get(server, "/nowhere");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<title>Not Found - Microblog</title>")
                .contains("<a href=\"/login\">Login</a>")
                .contains("<h1>File Not Found</h1>");
    }

    @Test
    void jettysOwnErrorsCarryTheSecurityHeadersToo() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("400", "NOT A REQUEST LINE\r\n\r\n");
        requests.put("414", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("431", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String response = raw(server, request.getValue());
            assertThat(response).as(request.getKey()).startsWith("HTTP/1.1 " + request.getKey() + " ");
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            SecurityHeaders.HEADERS.forEach((name, value) -> assertThat(head)
                    .as(request.getKey())
                    .contains(
                            name.toLowerCase(java.util.Locale.ROOT) + ": " + value.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** What the server answers to {@code request} sent as it is, which no HTTP client would send. */
    private static String raw(Javalin server, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void csrfTokensExpireAfterAnHourAndPostsFromOtherSitesAreRefused() throws Exception {
        MutableClock clock = new MutableClock();
        Javalin server = server(app("sqlite:///app.db"), clock);
        String token = WebServerTest.csrfToken(get(server, "/login").body());
        Map<String, String> form = Map.of("csrf_token", token, "username", "john", "password", "x");
        String here = "http://127.0.0.1:" + server.port();

        HttpResponse<String> foreign = send(server, "POST", "/login", form, Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("The request&#39;s origin does not match the host.");
        HttpResponse<String> foreignReferer =
                send(server, "POST", "/login", form, Map.of("Referer", "https://evil.example/page"));
        assertThat(foreignReferer.body()).contains("The referrer does not match the host.");

        clock.advance(CsrfProtection.TIME_LIMIT.plusSeconds(1));
        HttpResponse<String> late = send(server, "POST", "/login", form, Map.of("Origin", here));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("The CSRF token has expired.");

        String fresh = WebServerTest.csrfToken(late.body());
        HttpResponse<String> ok = send(
                server,
                "POST",
                "/login",
                Map.of("csrf_token", fresh, "username", "john", "password", "x"),
                Map.of("Origin", here));
        assertThat(ok.statusCode()).isEqualTo(302);
    }

    @Test
    void fieldsAreLimitedToWhatTheModelsHoldAndAreNotEchoedWhole() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        String token = WebServerTest.csrfToken(get(server, "/login").body());
        String huge = "x".repeat(500_000);
        HttpResponse<String> response = send(
                server,
                "POST",
                "/login",
                Map.of("csrf_token", token, "username", huge, "password", "p".repeat(129)),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "[Field cannot be longer than 64 characters.]", "[Field cannot be longer than 128 characters.]")
                .doesNotContain("x".repeat(65))
                .hasSizeLessThan(10_000);
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void twoInstancesWithOneKeyServeOneUserInterchangeably(Backend backend) throws Exception {
        TestDatabase database = TestDatabases.create(backend, base);
        open.add(database);
        Map<String, String> settings = Map.of("DATABASE_URL", database.url(), "SECRET_KEY", "one-key-for-both");
        Javalin first = server(app(base, settings), Clock.systemUTC());
        Javalin second = server(app(base.resolve("second"), settings), Clock.systemUTC());
        String token = WebServerTest.csrfToken(get(first, "/login").body());
        HttpResponse<String> posted = send(
                second, "POST", "/login", Map.of("csrf_token", token, "username", "john", "password", "x"), Map.of());
        assertThat(posted.statusCode())
                .as("a form from one, posted to the other")
                .isEqualTo(302);
        assertThat(get(first, "/index").body())
                .as("the flash, read on the first")
                .contains("Login requested for user john, remember_me=false");
    }

    @Test
    void flashesNobodyReadsKeepOnlyTheLatestAndTheCookieStaysSmall() throws Exception {
        Javalin server = server(app("sqlite:///app.db"), Clock.systemUTC());
        HttpResponse<String> posted = null;
        String token = WebServerTest.csrfToken(get(server, "/login").body()); // a page read shows the flashes
        for (int i = 0; i < 1000; i++) {
            posted = send(
                    server,
                    "POST",
                    "/login",
                    Map.of("csrf_token", token, "username", "user" + i + "x".repeat(50), "password", "x"),
                    Map.of());
            assertThat(posted.statusCode()).isEqualTo(302);
        }
        assertThat(posted.headers().firstValue("Set-Cookie").orElseThrow())
                .as("1,000 unread flashes")
                .hasSizeLessThan(4096);
        HttpResponse<String> index = get(server, "/index");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body())
                .contains("Login requested for user user999")
                .contains("Login requested for user user990")
                .doesNotContain("Login requested for user user989");
    }

    @Test
    void aTokenDatedAheadOfTheServersClockIsRefused() throws Exception {
        MutableClock clock = new MutableClock();
        Javalin server = server(app("sqlite:///app.db"), clock);
        String token = WebServerTest.csrfToken(get(server, "/login").body());
        clock.advance(CsrfProtection.CLOCK_DRIFT.plusMinutes(1).negated());
        HttpResponse<String> posted = send(
                server, "POST", "/login", Map.of("csrf_token", token, "username", "john", "password", "x"), Map.of());
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("The CSRF token is invalid.");
    }

    @Test
    void theSessionCookieExpiresAndIsSecureBehindATlsProxy() throws Exception {
        MutableClock clock = new MutableClock();
        Javalin server = server(app("sqlite:///app.db"), clock);
        String token = WebServerTest.csrfToken(get(server, "/login").body());
        HttpResponse<String> posted = send(
                server,
                "POST",
                "/login",
                Map.of("csrf_token", token, "username", "john", "password", "x"),
                Map.of("X-Forwarded-Proto", "https"));
        String cookie = posted.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("Max-Age=" + CookieSession.LIFETIME.toSeconds())
                .as("over HTTPS, ended by a proxy")
                .containsIgnoringCase("Secure");

        for (String forwarded : List.of("for=192.0.2.60;proto=https;by=203.0.113.43", "proto=HTTPS")) {
            HttpResponse<String> behindRfc7239Proxy = send(
                    server,
                    "POST",
                    "/login",
                    Map.of("csrf_token", token, "username", "ann", "password", "x"),
                    Map.of("Forwarded", forwarded));
            assertThat(behindRfc7239Proxy.headers().firstValue("Set-Cookie").orElseThrow())
                    .as("Forwarded: " + forwarded)
                    .containsIgnoringCase("Secure");
        }
        HttpResponse<String> plain = send(
                server,
                "POST",
                "/login",
                Map.of("csrf_token", token, "username", "ann", "password", "x"),
                Map.of("Forwarded", "for=192.0.2.60;proto=http"));
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow())
                .as("plain HTTP")
                .doesNotContainIgnoringCase("Secure");

        clock.advance(CookieSession.LIFETIME.plusSeconds(1));
        assertThat(get(server, "/index").body())
                .as("a cookie older than its lifetime is an empty session, even if a client kept it")
                .doesNotContain("Login requested for user john");
    }

    /** A clock a test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
