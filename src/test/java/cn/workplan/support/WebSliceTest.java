package cn.workplan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import cn.workplan.account.WebSliceSecurity;
import cn.workplan.system.FormTokens;
import cn.workplan.system.web.DisplayFormats;

/**
 * A web slice: the named controllers with Spring MVC as the application sets it up (its controller advice, error
 * handling, converters, input filter, Thymeleaf templates and messages) and its real security
 * ({@link WebSliceSecurity}: both filter chains, method security, CSRF); sign requests in with
 * {@code WebSliceSecurity.SliceUsers#as(Role)}. Services the controllers call are {@code @MockitoBean}s of the test.
 * Starts in a few seconds on a database of its own (for the stale-login check and form tokens); runs in
 * {@code ./mvnw test}. For validation messages, error mapping and access rules of a controller (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = {FormTokens.class, DisplayFormats.class}))
@Import(WebSliceSecurity.class)
public @interface WebSliceTest {

    /** The controllers of the slice. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
