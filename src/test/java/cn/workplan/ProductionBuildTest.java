package cn.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The production jar ({@code ./mvnw -Pproduction -DskipTests package}, profile {@code production} in pom.xml) stays
 * under 100 MB and still serves every file the pages load. Building that jar in the normal build would cost a second
 * repackaging, so this reads what decides its size instead: the run-time libraries Maven resolved (written to
 * {@code target/runtime-libraries.txt} by the build) less what the profile leaves out. A new heavy run-time dependency
 * fails here; {@code scripts/check-production-jar.sh} checks the built jar itself (the Dockerfile runs it).
 */
class ProductionBuildTest {

    /** The libraries' share of the 100 MB budget (97.3 MB today): classes, loader and webjar files take about 2.9 MB more. */
    private static final long LIBRARY_BUDGET = 95_000_000;

    private static final Pattern LIBRARY =
            Pattern.compile("([^:\\s]+):([^:]+):.*?:(?:compile|runtime):(.+?\\.jar)( \\(optional\\))?( -- .*)?");

    private static final Pattern WEBJAR_URL = Pattern.compile("/webjars/([^\"'}?#\\s)]+)");

    private static Element production;
    private static Set<String> excludedGroups;
    private static Set<String> excludedArtifacts;

    @BeforeAll
    static void readPom() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var project = pom.getDocumentElement();
        production = children(child(project, "profiles"), "profile").stream()
                .filter(profile -> "production".equals(text(child(profile, "id"))))
                .findFirst().orElseThrow(() -> new AssertionError("pom.xml has no profile production"));
        excludedGroups = new HashSet<>();
        excludedArtifacts = new HashSet<>();
        for (var build : List.of(child(project, "build"), child(production, "build"))) {
            for (var plugin : children(child(build, "plugins"), "plugin")) {
                if (!"spring-boot-maven-plugin".equals(text(child(plugin, "artifactId")))) {
                    continue;
                }
                var configuration = child(plugin, "configuration");
                var groups = child(configuration, "excludeGroupIds");
                if (groups != null) {
                    for (var group : text(groups).split(",")) {
                        excludedGroups.add(group.strip());
                    }
                }
                for (var exclude : children(child(configuration, "excludes"), "exclude")) {
                    excludedArtifacts.add(text(child(exclude, "groupId")) + ":" + text(child(exclude, "artifactId")));
                }
            }
        }
    }

    @Test
    void productionLibrariesStayWithinTheBudget() throws IOException {
        var list = Path.of("target/runtime-libraries.txt");
        assertThat(list).as("written by maven-dependency-plugin (list) in generate-test-resources: run through Maven")
                .exists();
        record Library(String name, long size) {}
        var shipped = new ArrayList<Library>();
        for (var line : Files.readAllLines(list)) {
            // group:artifact:type[:classifier]:version:scope:/path/to.jar [(optional)] [-- module name]
            var library = LIBRARY.matcher(line.strip());
            if (!library.matches() || library.group(4) != null) {
                continue;
            }
            var groupArtifact = library.group(1) + ":" + library.group(2);
            if (excludedGroups.contains(library.group(1)) || excludedArtifacts.contains(groupArtifact)) {
                continue;
            }
            var file = Path.of(library.group(3));
            shipped.add(new Library(groupArtifact, Files.size(file)));
        }
        assertThat(shipped).as("libraries read from %s (a list that no longer parses would pass any budget)", list)
                .hasSizeGreaterThan(50)
                .extracting(Library::name).contains("org.hibernate.orm:hibernate-core", "org.apache.poi:poi-ooxml");
        shipped.sort(Comparator.comparingLong(Library::size).reversed());
        long total = shipped.stream().mapToLong(Library::size).sum();
        assertThat(total)
                .as("bytes of libraries in the production jar; the largest: %s", shipped.subList(0, 10))
                .isLessThan(LIBRARY_BUDGET);
        assertThat(shipped).extracting(Library::name)
                .as("libraries only the quick start, tests or builds need")
                .noneMatch(name -> name.startsWith("io.zonky") || name.contains("archunit") || name.contains("junit")
                        || name.contains("lombok") || name.contains("aspectj"));
    }

    @Test
    void everyWebjarFileThePagesLoadShipsInTheProductionJar() throws Exception {
        var includes = new ArrayList<String>();
        for (var plugin : children(child(child(production, "build"), "plugins"), "plugin")) {
            if ("maven-dependency-plugin".equals(text(child(plugin, "artifactId")))) {
                for (var execution : children(child(plugin, "executions"), "execution")) {
                    var items = child(child(execution, "configuration"), "artifactItems");
                    for (var item : children(items, "artifactItem")) {
                        assertThat(excludedArtifacts).as("a webjar unpacked for the production jar is left out whole")
                                .contains(text(child(item, "groupId")) + ":" + text(child(item, "artifactId")));
                        for (var include : text(child(item, "includes")).split(",")) {
                            includes.add(include.strip());
                        }
                    }
                }
            }
        }
        var matchers = includes.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        var missing = new TreeSet<String>();
        for (var url : webjarUrls()) {
            // /webjars/echarts/echarts.min.js is served from META-INF/resources/webjars/echarts/{version}/…
            var slash = url.indexOf('/');
            var webjar = url.substring(0, slash);
            var versioned = Path.of("META-INF/resources/webjars", webjar, "0.0.0", url.substring(slash + 1));
            if (matchers.stream().noneMatch(matcher -> matcher.matches(versioned))) {
                missing.add(url);
            }
        }
        assertThat(missing).as("webjar files the pages load but the production profile does not unpack").isEmpty();
        assertThat(webjarUrls()).as("the pages' webjar files, found").contains("echarts/echarts.min.js");
    }

    private static Set<String> webjarUrls() throws IOException {
        var urls = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (var file : files.filter(path -> path.toString().matches(".*\\.(html|js|css)$")).toList()) {
                var matcher = WEBJAR_URL.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).contains("*")) {
                        urls.add(matcher.group(1));
                    }
                }
            }
        }
        return urls;
    }

    private static Element child(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }
}
