package microblog.db;

/** How sessions are shared, like SQLAlchemy's {@code scoped_session}. */
public enum SessionScope {
    /** One session per thread: for servers, where each request runs on its own thread. */
    THREAD,
    /**
     * One session for the whole process: for an interactive shell, where JShell
     * runs each snippet on a fresh thread but the user means one conversation.
     */
    PROCESS
}
