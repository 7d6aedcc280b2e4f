package io.taskservice.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Builds the reactive pool from Quarkus' options plus the three it does not expose: acquisition timeout,
 * wait-queue bound and TCP connect timeout. Vert.x defaults to an unbounded wait queue and a 30 s wait,
 * which under saturation turns into hanging requests; bounded, a request gets a clear 503 instead. The pool
 * it returns logs its connections' failures instead of printing them ({@link ConnectionLossLoggingPool}).
 */
@Singleton
public class BoundedPoolCreator implements PgPoolCreator {

    private final PoolSettings settings;

    public BoundedPoolCreator(PoolSettings settings) {
        this.settings = settings;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = input.poolOptions()
                .setConnectionTimeout(Math.toIntExact(settings.acquireTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(settings.maxWaitQueueSize());
        int connectTimeout = Math.toIntExact(settings.connectTimeout().toMillis());
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions connectOptions : input.pgConnectOptionsList()) {
            servers.add(connectOptions.setConnectTimeout(connectTimeout));
        }
        return new ConnectionLossLoggingPool(PgBuilder.pool()
                .with(options)
                .connectingTo(servers)
                .using(input.vertx())
                .build());
    }
}
