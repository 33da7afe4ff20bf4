package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Which database the tests must be running on: {@code H2} by default, {@code PostgreSQL} or {@code MariaDB} in the
 * integration profile (system property {@code quire.test.database-product}). A database test asserts it first, so a
 * run meant for PostgreSQL can never pass on H2 by mistake.
 */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    public static String expected() {
        return System.getProperty("quire.test.database-product", "H2");
    }

    public static void assertRunningOnExpected(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .as("database product (set by quire.test.database-product)").isEqualTo(expected());
        }
    }
}
