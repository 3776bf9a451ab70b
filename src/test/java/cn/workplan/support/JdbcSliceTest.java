package cn.workplan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;

/**
 * A JDBC slice: a data source on a real, migrated PostgreSQL database of the slice's own ({@link TestDatabase}; Flyway
 * validates it), {@code JdbcClient}, transactions, and nothing else; {@code @Import} the query classes under test.
 * Each test runs in a transaction rolled back afterwards. Starts in a second or two; runs in {@code ./mvnw test}
 * (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface JdbcSliceTest {
}
