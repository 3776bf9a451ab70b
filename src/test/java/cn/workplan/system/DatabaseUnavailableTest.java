package cn.workplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures say "the database cannot be reached", however deep they are wrapped, and which do not. */
class DatabaseUnavailableTest {

    @Test
    void recognisesALostOrRefusedConnectionAnywhereInTheChain() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms",
                "08001", new ConnectException("Connection refused"));
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new InternalAuthenticationServiceException("login",
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", poolTimeout)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection due to unexpected "
                + "postmaster exit", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // the pool closed the broken connection, so the rollback fails and takes the place of the first failure
        assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"))))).isTrue();
        var rollback = new TransactionSystemException("Could not roll back JDBC transaction");
        rollback.initApplicationException(new CannotGetJdbcConnectionException("no connection", poolTimeout));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new BadCredentialsException("wrong password"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("Could not commit"))).isFalse();
    }

    @Test
    void aFailedLoginIsPassedOnOnlyWhenTheDatabaseWasAway() {
        DatabaseUnavailable.rethrowIfCause(new BadCredentialsException("wrong password"));
        DatabaseUnavailable.rethrowIfCause(null);
        var unavailable = new InternalAuthenticationServiceException("login", new CannotGetJdbcConnectionException("no connection"));
        assertThatThrownBy(() -> DatabaseUnavailable.rethrowIfCause(unavailable)).isInstanceOf(DatabaseUnavailable.class).hasCause(unavailable);
    }
}
