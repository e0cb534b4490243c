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
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.TestProject;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pages over real HTTP, on each database. */
class WebServerTest {
    @TempDir
    Path base;

    private Microblog app;
    private Javalin server;
    private HttpClient client;

    private TestDatabase database;

    private void start(Backend backend) throws Exception {
        database = TestDatabases.create(backend, base);
        app = TestProject.migratedApp(base, database.url());
        server = WebServer.create(app).start("127.0.0.1", 0);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void indexListsRecentPostsWithAuthorsEscaped(Backend backend) throws Exception {
        start(backend);
        assertThat(get("/").body()).contains("<title>Home - Microblog</title>").contains("No posts yet.");

        User susan = new User("susan", "susan@example.com");
        app.db().session().add(susan);
        app.db().session().add(new Post("Beautiful day in Portland!", susan));
        app.db().session().add(new Post("<script>alert('x')</script>", susan));
        app.db().session().commit();

        String page = get("/index").body();
        assertThat(page)
                .contains("susan says: <b>Beautiful day in Portland!</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(page.indexOf("&lt;script&gt;")).as("newest first").isLessThan(page.indexOf("Beautiful day"));
    }

    @Test
    void aPageAskedWhileTheDatabaseIsStillBootingWaitsForIt() throws Exception {
        TestProject.copyMigrations(base);
        app = new Microblog(Config.load(base, Map.of()));
        app.openDatabaseInBackground(); // as `run` starts: the server may answer before the boot ends
        app.prepareDatabase();
        server = WebServer.create(app).start("127.0.0.1", 0);
        client = HttpClient.newHttpClient();
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No posts yet.");
    }

    @Test // the sign-in form reads no table at this point of the tutorial: one database is enough
    void loginFlashesTheRequestAndRedirectsHome() throws Exception {
        start(Backend.SQLITE);
        String form = get("/login").body();
        assertThat(form).contains("<h1>Sign In</h1>").contains("name=\"remember_me\"");
        HttpResponse<String> response = post(
                "/login",
                Map.of("csrf_token", csrfToken(form), "username", "john", "password", "secret", "remember_me", "y"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/index");

        String index = get("/index").body();
        assertThat(index).contains("<li>Login requested for user john, remember_me=true</li>");
        assertThat(get("/index").body()).as("a flash is shown once").doesNotContain("Login requested");
    }

    @Test // the sign-in form reads no table at this point of the tutorial: one database is enough
    void emptyFieldsAreReportedPerField() throws Exception {
        start(Backend.SQLITE);
        String form = get("/login").body();
        HttpResponse<String> response =
                post("/login", Map.of("csrf_token", csrfToken(form), "username", "", "password", ""));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().split("\\[This field is required.]", -1)).hasSize(3);
    }

    @Test // the sign-in form reads no table at this point of the tutorial: one database is enough
    void postsWithoutAValidCsrfTokenAreRefused() throws Exception {
        start(Backend.SQLITE);
        get("/login");
        HttpResponse<String> missing = post("/login", Map.of("username", "john", "password", "x"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("The CSRF token is missing.");
        HttpResponse<String> forged =
                post("/login", Map.of("csrf_token", "abc.def", "username", "john", "password", "x"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("The CSRF token is invalid.");
        assertThat(get("/index").body()).doesNotContain("Login requested");
    }

    static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the form carries a CSRF token").isTrue();
        return m.group(1);
    }
}
