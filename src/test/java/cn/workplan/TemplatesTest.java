package cn.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pages are drawn in {@code layout.html} with plain Thymeleaf ({@code th:replace="~{layout :: page(…)}"}), not with the
 * Thymeleaf Layout Dialect, which needs Groovy (7.7 MB) at run time. The dialect is gone, so a page written for it
 * would render without the navigation bar and without failing: this catches it.
 */
class TemplatesTest {

    @Test
    void noTemplateUsesTheLayoutDialect() throws IOException {
        var found = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                var text = Files.readString(file);
                if (text.contains("layout:") || text.contains("ultraq.net.nz")) {
                    found.add(file.toString());
                }
            }
        }
        assertThat(found).as("templates with layout:decorate, layout:fragment or the dialect's namespace").isEmpty();
    }

    @Test
    void everyPageThatUsesTheLayoutPassesItsContent() throws IOException {
        var found = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                var text = Files.readString(file);
                if (text.contains("~{layout :: page(") && !text.contains("th:fragment=\"content\"")) {
                    found.add(file.toString());
                }
            }
        }
        assertThat(found).as("pages that call the layout without a th:fragment=\"content\"").isEmpty();
    }
}
