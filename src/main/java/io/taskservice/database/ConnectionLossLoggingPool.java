package io.taskservice.database;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The reactive pool, handing out connections that report their own failures to the log instead of to
 * standard error, within the acquire timeout ({@link AcquireTimeout}: the Vert.x pool's own one loses connections).
 *
 * <p>A connection borrowed from a Vert.x pool ({@code SqlConnectionBase}) prints a failure that arrives while
 * it has no exception handler with {@code printStackTrace()}; Hibernate Reactive never sets one. Every database
 * restart therefore wrote one plain-text line per borrowed connection ({@code PgException: FATAL: terminating
 * connection due to administrator command (57P01)}) into the JSON log. The same failure also reaches the
 * request using the connection, which answers 503 and is counted (see {@link ShedRequests}), so here it is a
 * DEBUG line.
 */
@SuppressWarnings("deprecation") // Quarkus' reactive-pg-client casts the pool it is given to PgPool
final class ConnectionLossLoggingPool implements PgPool {

    private static final Logger LOG = Logger.getLogger(ConnectionLossLoggingPool.class);

    private final Pool pool;
    private final AcquireTimeout acquireTimeout;

    ConnectionLossLoggingPool(Pool pool, AcquireTimeout acquireTimeout) {
        this.pool = pool;
        this.acquireTimeout = acquireTimeout;
    }

    private static SqlConnection handled(SqlConnection connection) {
        return connection.exceptionHandler(failure -> LOG.debugf("Pooled connection failed: %s", failure));
    }

    @Override
    public Future<SqlConnection> getConnection() {
        return acquireTimeout.bound(pool.getConnection()).map(ConnectionLossLoggingPool::handled);
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return pool.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return pool.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return pool.preparedQuery(sql, options);
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        pool.close(handler);
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        pool.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        pool.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return pool.size();
    }
}
