package microblog.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import microblog.app.Microblog;
import microblog.app.TestProject;
import microblog.app.models.Post;
import microblog.app.models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The index and login pages in headless Chromium (Debian's chromium and
 * chromium-driver). Under CI=true a missing browser fails the test; elsewhere
 * the test is skipped with a note on how to install it.
 */
class BrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path base;

    private Microblog app;
    private Javalin server;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!"true".equals(System.getenv("CI"))) {
            String reason = "headless Chromium is not installed: apt-get install chromium chromium-driver";
            if (!installed) {
                System.err.println("BrowserTest skipped: " + reason); // surefire keeps the reason in its report only
            }
            assumeTrue(installed, reason);
        }
        app = TestProject.migratedApp(base);
        server = WebServer.create(app).start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + Files.createTempDirectory(base, "chrome"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void indexShowsPostsAndLoginFlashesBack() {
        User john = new User("john", "john@example.com");
        app.db().session().add(john);
        app.db().session().add(new Post("my first post!", john));
        app.db().session().commit();
        String root = "http://127.0.0.1:" + server.port();

        browser.get(root + "/index");
        assertThat(browser.getTitle()).isEqualTo("Home - Microblog");
        assertThat(browser.findElement(By.className("post")).getText()).isEqualTo("john says: my first post!");

        browser.findElement(By.linkText("Login")).click();
        assertThat(browser.getTitle()).isEqualTo("Sign In - Microblog");
        browser.findElement(By.id("submit")).click();
        waitUntil(() -> browser.findElements(By.className("error")).size() == 2);

        browser.findElement(By.id("username")).sendKeys("john");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("remember_me")).click();
        browser.findElement(By.id("submit")).click();
        waitUntil(() -> browser.getCurrentUrl().equals(root + "/index"));
        assertThat(browser.findElement(By.className("flashes")).getText())
                .isEqualTo("Login requested for user john, remember_me=true");
    }

    /** Waits for a page the browser is still loading; fails after ten seconds. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("the page did not get there in 10 s")
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
