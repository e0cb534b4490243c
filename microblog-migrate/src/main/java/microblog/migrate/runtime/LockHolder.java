package microblog.migrate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A process taking the migration lock, as other processes read it: the host and process id a
 * user can find it by, and a token of its own, so that two runs on one host, or a process id
 * used again after a restart, are never taken for each other.
 */
public record LockHolder(String host, long pid, String token) {

    /** This process, with a token new to this run. */
    public static LockHolder thisProcess() {
        return new LockHolder(
                hostName(),
                ProcessHandle.current().pid(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    /** What the lock and the progress record store: {@code host:pid:token}. */
    public String id() {
        return host + ":" + pid + ":" + token;
    }

    /** The process as a user reads it: {@code process 4242 on web-3}. */
    public String describe() {
        return "process " + pid + " on " + host;
    }

    /**
     * Read from the kernel or the environment rather than by {@code InetAddress.getLocalHost()},
     * which can wait seconds for a name server on a badly configured host.
     */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the environment
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return "unknown host";
    }
}
