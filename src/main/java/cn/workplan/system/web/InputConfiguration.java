package cn.workplan.system.web;

import java.io.IOException;
import java.math.BigDecimal;

import jakarta.servlet.DispatcherType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import cn.workplan.system.ControlCharacters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Input as it enters: the {@link InputFilter} in front of everything, strings of JSON bodies without control
 * characters, numbers of forms no longer than a number can sensibly be, and a form record kept with its errors when a
 * value of it could not be converted ({@link ConstructedForms}).
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    /** Longest decimal a form may send ("-9999999999.9999" is 16): parsing a longer one costs time for nothing. */
    static final int MAX_DECIMAL_LENGTH = 40;

    /**
     * After Spring Session's filter (the flash of a refusal is kept in the session), the character encoding filter and the
     * form-content filter, before Spring Security's filters, the first to read parameters.
     */
    @Bean
    FilterRegistrationBean<InputFilter> inputFilter(ObjectProvider<MultipartResolver> multipart, ServerProperties server,
            ObjectProvider<MultipartProperties> multipartProperties) {
        var uploads = multipartProperties.getIfAvailable(MultipartProperties::new);
        var filter = new InputFilter(multipart.getIfAvailable(), server.getTomcat().getMaxHttpFormPostSize().toBytes(),
                uploads.getMaxRequestSize().toBytes(), uploads.getMaxFileSize().toBytes());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 9800);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Text of the API's JSON bodies without control characters, as {@link InputFilter} does for parameters. */
    @Bean
    Module controlCharactersInJson() {
        var module = new SimpleModule("control-characters");
        module.addDeserializer(String.class, new CleanStringDeserializer());
        return module;
    }

    /** A form record and its errors together when a value of it could not be converted. */
    @Bean
    static ConstructedForms constructedForms() {
        return new ConstructedForms();
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, BigDecimal.class, InputConfiguration::decimal);
    }

    /** A form's decimal, refused (a type mismatch, shown beside the field) when longer than any sensible number. */
    private static BigDecimal decimal(String text) {
        var trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_DECIMAL_LENGTH) {
            throw new IllegalArgumentException("a number of " + trimmed.length() + " characters");
        }
        return new BigDecimal(trimmed);
    }

    private static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return ControlCharacters.strip(super.deserialize(parser, context));
        }
    }
}
