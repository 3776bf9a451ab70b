package cn.workplan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real PostgreSQL database of its own (see {@link TestDatabase}), driven
 * through MockMvc, and listening on a random port for the tests that speak HTTP to it (the two-node test). Test classes with this annotation share one application context and one database:
 * give the records you create names of their own. {@link SignIn} signs requests in as a role;
 * {@link Browsers} opens a logged-in {@link Browser} with a session of its own.
 * Count the SQL statements of a request with {@link SqlStatements}.
 *
 * <p>Tagged {@value Tiers#INTEGRATION}: runs in the integration-test phase ({@code ./mvnw verify}), not in
 * {@code ./mvnw test} (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Tiers.INTEGRATION)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TestData.class, SignIn.class, Browsers.class, TestPlans.class, SqlStatements.CountingDataSource.class,
        TestClock.Configuration.class})
public @interface IntegrationTest {
}
