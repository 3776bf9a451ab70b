package cn.workplan.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached: no connection within the pool's timeout, a connection cut by the server's death,
 * a server still starting up. Not a fault of the request: it deserves "try again in a moment" (503), never an error
 * page of its own or "wrong password". {@link #causedBy} recognises it anywhere in a cause chain, whoever wrapped it
 * (Spring's translation, Hibernate, Spring Security's {@code InternalAuthenticationServiceException}).
 */
public class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(Throwable cause) {
        super("the database is unavailable: " + cause.getMessage(), cause);
    }

    /**
     * Throws a {@code DatabaseUnavailable} when the failure is one, so that it travels up to the servlet filter that
     * answers 503 instead of being handled as, say, a failed login.
     */
    public static void rethrowIfCause(Throwable failure) {
        if (failure != null && causedBy(failure)) {
            throw failure instanceof DatabaseUnavailable unavailable ? unavailable : new DatabaseUnavailable(failure);
        }
    }

    /** Whether the failure, or anything in its cause chain, says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailable
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP closes a connection whose statement failed with a lost connection, so the rollback that follows fails
     * with this (no SQL state) and replaces the first failure: Spring logs the first one ("Application exception
     * overridden by rollback exception") and throws the second.
     */
    private static boolean closedByThePool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQL states of a lost or refused connection: class 08 (connection exception) and the server going down or
     * starting up: 57P01 admin shutdown (also "unexpected postmaster exit"), 57P02 crash shutdown, 57P03 cannot connect
     * now.
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
