package cn.workplan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application with the demo county loaded (青山县教育局, as the quick start shows it), listening on a random
 * port: the context of the browser tests and of the tests that read the demo. A database of its own (see
 * {@link TestDatabase}), apart from {@link IntegrationTest}'s; the test classes that also import the same support
 * ({@code @Import({TestPlans.class, TestData.class, TestClock.Configuration.class})}) share one context.
 * Tagged {@value Tiers#INTEGRATION}: runs in the integration-test phase (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "workplan.demo-data.enabled=true")
@Tag(Tiers.INTEGRATION)
public @interface DemoCountyTest {
}
