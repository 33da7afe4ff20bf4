package org.quire.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures mean the database is not answering (503) rather than a fault in Quire (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreUnavailability() {
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new IllegalStateException("render failed",
                new RuntimeException(new SQLException("Connection refused", "08001"))))).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new SQLException(
                "terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new SQLException(
                "Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new RuntimeException(new SQLException("refused", "08001",
                new ConnectException())))).isTrue();
    }

    @Test
    void aCommitThatFailedOnADeadConnectionIsUnavailability() {
        // How Narayana reports it: the JDBC error the commit met is suppressed, not the cause.
        Exception commit = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new RuntimeException(commit))).isTrue();

        Exception otherwise = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        otherwise.addSuppressed(new SQLException("duplicate key", "23505"));
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new RuntimeException(otherwise))).isFalse();
    }

    @Test
    void otherFailuresStayErrors() {
        // S3 or the sign-in provider not answering is not the database.
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new RuntimeException(new ConnectException()))).isFalse();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(null)).isFalse();
    }
}
