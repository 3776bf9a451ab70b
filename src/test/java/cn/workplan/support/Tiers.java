package cn.workplan.support;

/**
 * The JUnit tags that sort tests into the build's tiers (docs/testing.md). A test without a tag is a unit or slice
 * test and runs in {@code ./mvnw test} (surefire); one tagged {@value #INTEGRATION} runs in the integration-test phase
 * of {@code ./mvnw verify} (failsafe). Tag the shared annotations ({@link IntegrationTest}, {@link DemoCountyTest}),
 * not single classes, wherever a test uses one.
 */
public final class Tiers {

    /** The whole application, a second instance, a real server or a browser: slow to start, run in failsafe. */
    public static final String INTEGRATION = "integration";

    private Tiers() {
    }
}
