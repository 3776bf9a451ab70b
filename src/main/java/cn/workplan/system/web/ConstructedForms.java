package cn.workplan.system.web;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Optional;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Keeps a form record together with its errors when one of its values could not be converted.
 *
 * <p>Spring binds a form record through its constructor. When a value does not convert ({@code percent=abc},
 * {@code deadlineDate=2026-02-30}) it still builds the record, with that component empty, and hands it to the
 * controller, but its binding result keeps {@code null} as the form: the page then either found no form
 * ({@code ${form.version}} failed, a 500) or, when the controller put the record into the model itself, lost the
 * binding result and with it every message. Here, right after Spring resolved the form, the errors move to a binding
 * result of the record, and the record is validated as {@code @Valid} asks (what the conversion failure made Spring
 * skip), so the page shows every message beside its field at once, and what was typed.
 */
final class ConstructedForms implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            adapter.setArgumentResolvers(adapter.getArgumentResolvers().stream()
                    .map(resolver -> resolver instanceof ModelAttributeMethodProcessor forms ? new Resolver(forms) : resolver)
                    .toList());
        }
        return bean;
    }

    private record Resolver(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                WebDataBinderFactory binders) throws Exception {
            var form = delegate.resolveArgument(parameter, container, request, binders);
            var name = ModelFactory.getNameForParameter(parameter);
            var key = BindingResult.MODEL_KEY_PREFIX + name;
            if (form == null || form instanceof Optional<?> || container == null || binders == null
                    || !(container.getModel().get(key) instanceof BindingResult unconverted)
                    || unconverted.getTarget() != null || !unconverted.hasErrors()) {
                return form;
            }
            var kept = binders.createBinder(request, form, name).getBindingResult();
            kept.addAllErrors(unconverted);
            var hints = validationHints(parameter);
            if (hints != null) {
                var checker = binders.createBinder(request, form, name);
                checker.validate(hints);
                var unconvertible = new HashSet<String>();
                unconverted.getFieldErrors().forEach(error -> unconvertible.add(error.getField()));
                for (var error : checker.getBindingResult().getAllErrors()) {
                    // an empty value's "required" beside the value that did not convert would say the same twice
                    if (!(error instanceof FieldError field) || !unconvertible.contains(field.getField())) {
                        kept.addError(error);
                    }
                }
            }
            container.getModel().remove(name);
            container.getModel().remove(key);
            container.addAllAttributes(kept.getModel());
            return form;
        }

        private static Object[] validationHints(MethodParameter parameter) {
            for (Annotation annotation : parameter.getParameterAnnotations()) {
                var hints = ValidationAnnotationUtils.determineValidationHints(annotation);
                if (hints != null) {
                    return hints;
                }
            }
            return null;
        }
    }
}
