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
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the reactive pool from Quarkus' options plus those it does not expose: acquisition timeout,
 * wait-queue bound and TCP connect timeout. Vert.x defaults to an unbounded wait queue and a 30 s wait,
 * which under saturation turns into hanging requests; bounded, a request gets a clear 503 instead. The pool
 * it returns logs its connections' failures instead of printing them ({@link ConnectionLossLoggingPool}) and
 * bounds the wait for a connection itself ({@link AcquireTimeout}): Vert.x's own connection timeout stays off,
 * because cancelling a waiter in Vert.x 4.5 can lose the connection it was just handed.
 *
 * <p>Every connection also carries the {@link ServerTimeouts} as startup parameters, so PostgreSQL itself stops
 * work the request budget has given up on. Startup parameters are the session's defaults: {@code RESET ALL} or
 * {@code DISCARD ALL} return to them, and no pooled connection exists without them.
 */
@Singleton
public class BoundedPoolCreator implements PgPoolCreator {

    private final PoolSettings settings;
    private final ServerTimeouts serverTimeouts;

    public BoundedPoolCreator(PoolSettings settings,
            @ConfigProperty(name = "task-service.database.request-timeout") Duration requestTimeout) {
        this.settings = settings;
        this.serverTimeouts = ServerTimeouts.within(requestTimeout, settings.statementTimeout(),
                settings.idleInTransactionTimeout());
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = input.poolOptions()
                .setConnectionTimeout(0) // no waiter is ever cancelled inside Vert.x; AcquireTimeout bounds the wait
                .setMaxWaitQueueSize(settings.maxWaitQueueSize());
        int connectTimeout = Math.toIntExact(settings.connectTimeout().toMillis());
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions connectOptions : input.pgConnectOptionsList()) {
            connectOptions.setConnectTimeout(connectTimeout);
            serverTimeouts.startupParameters().forEach(connectOptions::addProperty);
            servers.add(connectOptions);
        }
        return new ConnectionLossLoggingPool(PgBuilder.pool()
                .with(options)
                .connectingTo(servers)
                .using(input.vertx())
                .build(), new AcquireTimeout(input.vertx(), settings.acquireTimeout()));
    }
}
