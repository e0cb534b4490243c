package microblog.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's logging: SLF4J over the JDK's own logging (java.util.logging), set up in code. Logback
 * with its XML file cost a short command some 600 classes and 0.15 s or more at every start; the
 * JDK's logging is already in the JVM. Progress goes to standard error as {@code INFO  [Name] text},
 * as Alembic's does, so results on standard output stay clean.
 *
 * <p>A configuration of the user's ({@code -Djava.util.logging.config.file=...}) still wins.
 */
public final class ConsoleLogging {
    private static final Map<String, Level> LEVELS = Map.of(
            "org.hibernate", Level.WARNING,
            // Says the dialect need not be set; it must be, because the boot never connects to detect it.
            "org.hibernate.orm.deprecation", Level.SEVERE,
            // Repeats the SQL error that IntegrityViolationException already reports.
            "org.hibernate.orm.jdbc.error", Level.SEVERE,
            "com.zaxxer.hikari", Level.WARNING,
            "org.eclipse.jetty", Level.WARNING,
            "io.javalin", Level.WARNING);

    /** The configured loggers, held here: java.util.logging keeps only weak references to them. */
    private static final List<Logger> CONFIGURED =
            LEVELS.keySet().stream().map(Logger::getLogger).toList();

    private ConsoleLogging() {}

    /** Sends INFO and above to standard error in the app's format, unless the user configured logging. */
    public static void install() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler console = new ConsoleHandler(); // standard error
        console.setLevel(Level.ALL);
        console.setFormatter(new LineFormatter());
        root.addHandler(console);
        root.setLevel(Level.INFO);
        CONFIGURED.forEach(logger -> logger.setLevel(LEVELS.get(logger.getName())));
    }

    /** {@code INFO  [Migrations] message}: SLF4J's level names, the logger's simple name. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            String line = String.format(
                    "%-5s [%s] %s%n",
                    levelName(record.getLevel()), name.substring(name.lastIndexOf('.') + 1), formatMessage(record));
            if (record.getThrown() == null) {
                return line;
            }
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            return line + trace;
        }

        private static String levelName(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARN";
            }
            if (level.intValue() >= Level.INFO.intValue()) {
                return "INFO";
            }
            return level.intValue() >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
        }
    }
}
