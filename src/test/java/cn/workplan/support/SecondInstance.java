package cn.workplan.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.workplan.WorkplanApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second instance of the application beside a test's own, on the same database and a port of its own, as a
 * second node behind a load balancer. Started once per database on first use and shared by the tests that need
 * one (starting an application costs half a minute); it stops when the test JVM ends.
 *
 * <p>It trusts no proxy ({@code server.tomcat.remoteip.internal-proxies} empty): it plays the instance a client
 * reaches directly, where the test's own instance trusts the machine itself, as a proxy beside it.
 */
public final class SecondInstance {

    private static final Map<String, ConfigurableApplicationContext> started = new ConcurrentHashMap<>();

    private SecondInstance() {
    }

    /** The second instance on the database of the application whose environment this is. */
    public static ConfigurableApplicationContext beside(Environment first) {
        var url = first.getRequiredProperty("spring.datasource.url");
        // as arguments of the command line, which come before application.yml (its port is PORT or 8080)
        return started.computeIfAbsent(url, database -> new SpringApplicationBuilder(WorkplanApplication.class)
                .run("--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + first.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + first.getProperty("spring.datasource.password"),
                        "--server.port=0",
                        "--server.tomcat.remoteip.internal-proxies="));
    }

    /** The HTTP port the instance listens on. */
    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
