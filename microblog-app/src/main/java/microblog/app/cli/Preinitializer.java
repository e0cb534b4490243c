package microblog.app.cli;

import java.sql.DriverManager;
import java.text.DateFormatSymbols;
import java.util.Calendar;

/**
 * Starts, on a second thread, work that the JDK does slowly the first time and that most commands
 * need a little later, so that it runs while the main thread sets up logging and reads the command
 * line. Nothing here changes what a command does: it only finds the work done when it gets there.
 *
 * <p>Measured on {@code db current} (SQLite, JDK 25, two cores): the SQLite driver builds a
 * date format at every connection, whose first {@link Calendar} lists the JDK's locales in the
 * interpreter (about 20 ms); {@link DriverManager} searches every jar of the class path for drivers
 * and loads them (about 10 ms).
 */
final class Preinitializer {
    private Preinitializer() {}

    static void start() {
        Thread thread = new Thread(Preinitializer::run, "microblog-preinitializer");
        thread.setDaemon(true); // never keeps a finished command waiting
        thread.start();
    }

    private static void run() {
        try {
            Calendar.getInstance();
            DateFormatSymbols.getInstance();
            DriverManager.getDrivers();
        } catch (RuntimeException | LinkageError ignored) {
            // Only a head start: the command meets the same failure where it does the same work.
        }
    }
}
