package cn.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

/** Chinese first, English second: both bundles hold the same keys, and every key a template names exists. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void bundlesHoldTheSameKeys() throws IOException {
        var chinese = load("messages.properties");
        var english = load("messages_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("keys of messages_en.properties")
                .isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
    }

    @Test
    void chineseBundleIsInChinese() throws IOException {
        var chinese = load("messages.properties");
        var han = Pattern.compile("\\p{IsHan}");
        var notChinese = chinese.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("format.") && !han.matcher(chinese.getProperty(key)).find())
                .toList();
        assertThat(notChinese).as("zh-CN messages without a Chinese character").isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        var chinese = load("messages.properties");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            var missing = new TreeSet<String>();
            for (var file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                var matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!chinese.containsKey(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
            assertThat(missing).as("message keys used in templates but not defined").isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
