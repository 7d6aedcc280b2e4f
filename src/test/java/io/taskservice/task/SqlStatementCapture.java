package io.taskservice.task;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL statements Hibernate Reactive hands to the reactive PostgreSQL client, exactly as sent: its connection
 * logs each one to {@code org.hibernate.SQL} at DEBUG before running it (Hibernate Reactive does not call a
 * {@code StatementInspector}). Captures them while open, without printing them.
 */
final class SqlStatementCapture extends Handler implements AutoCloseable {

    private static final String CATEGORY = "org.hibernate.SQL";

    private final Logger logger = Logger.getLogger(CATEGORY);
    private final Level previousLevel = logger.getLevel();
    private final boolean previousUseParent = logger.getUseParentHandlers();
    private final List<String> statements = new ArrayList<>();

    SqlStatementCapture() {
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINE);
    }

    /** The statements captured since the last call, in the order they were sent; clears them. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(statements);
        statements.clear();
        return drained;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        statements.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
    }
}
