package cn.workplan.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, configured by Spring Boot from {@code spring.session.*} and
 * {@code server.servlet.session.*}; tables in {@code V14__sessions_and_previews.sql}). Their attributes are
 * serialised by Java, so everything put in a session is {@link java.io.Serializable}.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    /** Two requests of one session adding the same attribute at once update it instead of failing. */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * An attribute that no longer reads (its class changed incompatibly in a new version of the application, while
     * the session was open) reads as absent instead of failing every request of the session until it expires: the
     * person is then simply logged out.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> forgivingSessionAttributes() {
        var deserializer = new DeserializingConverter(SessionConfiguration.class.getClassLoader());
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException e) {
                log.warn("a session attribute no longer reads and is dropped: {}", e.getMessage());
                return null;
            }
        });
        return repository -> repository.setConversionService(conversions);
    }
}
