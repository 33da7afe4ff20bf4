package org.quire.web;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs the database: tagged so the integration profile runs it on PostgreSQL and MariaDB too, and
 * checked before each test to run on the database that run expects.
 */
@Tag("database")
public abstract class DatabaseTest {

    @Inject
    protected DataSource dataSource;

    @BeforeEach
    void runsOnTheExpectedDatabase() throws SQLException {
        DatabaseProduct.assertRunningOnExpected(dataSource);
    }
}
