package io.taskservice.config;

import java.util.Map;

/** A database started for dev mode or tests, described by the Quarkus properties that reach it. */
public record LocalDatabase(String host, int port, String name, String user) {

    Map<String, String> properties() {
        return new DatabaseSettings(host, port, name, user, null, SslMode.DISABLE).quarkusProperties();
    }
}
