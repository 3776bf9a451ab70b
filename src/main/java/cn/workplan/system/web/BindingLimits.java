package cn.workplan.system.web;

import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;

/**
 * How long the lists of a form may be. A form record's list ({@code ItemData.schoolIds}, {@code SummaryForm.blocks} and
 * each block's {@code cells}) is built as long as its highest index: {@code blocks[100000].text} would make a list of a
 * hundred thousand, and an index past Spring's limit, a negative or a broken one made the binder fail with a 500.
 * Every form is checked here before it is bound: an index must be a plain number below {@link #MAX_INDEX}, and all the
 * lists of one form together below {@link #MAX_ELEMENTS}; otherwise the request is refused (400) with a message.
 *
 * <p>{@value #MAX_INDEX}: Tomcat reads at most 10,000 parameters of a request ({@code server.tomcat.max-parameter-count}),
 * so no form sends a longer list, and the longest real ones are far shorter: the year-end summary of a 400-item plan
 * (measured on generated data) sends 1,315 parameters, 509 blocks and a targets' table of 804 cells, past Spring's
 * default limit of 256 (such a report could not be saved before); an item's schools, all 200–300 of a county, come as
 * one repeated parameter, not indexed. Twice that in all leaves room for the gaps a page's script leaves when it removes
 * rows. Maps keyed by id ({@code actuals[4711]}) are not lists and keep any key.
 */
@ControllerAdvice
class BindingLimits {

    static final int MAX_INDEX = 10_000;
    static final int MAX_ELEMENTS = 20_000;

    private static final Pattern INDEX = Pattern.compile("\\d{1,5}");

    @InitBinder
    void limit(WebDataBinder binder, WebRequest request) {
        binder.setAutoGrowCollectionLimit(MAX_INDEX);
        var type = binder.getTargetType() != null ? binder.getTargetType()
                : binder.getTarget() != null ? ResolvableType.forInstance(binder.getTarget()) : null;
        if (type == null || BeanUtils.isSimpleValueType(type.toClass())) {
            return;
        }
        if (type.toClass().isRecord()) {
            // a form record is bound through its constructor only: binding the parameters once more onto its lists
            // afterwards ("schoolIds[9999]" onto an unmodifiable list, "targets[9].x" onto a record without setters) failed
            binder.setDeclarativeBinding(true);
        }
        var sizes = new HashMap<String, Integer>();
        for (var names = request.getParameterNames(); names.hasNext(); ) {
            var name = names.next();
            if (name.indexOf('[') >= 0) {
                check(name, type, sizes);
            }
        }
        if (sizes.values().stream().mapToLong(Integer::longValue).sum() > MAX_ELEMENTS) {
            throw new InvalidListIndexException(sizes.keySet().iterator().next() + "[…]");
        }
    }

    /** Walks the parameter's path through the form's types, checking each list index on the way. */
    private static void check(String name, ResolvableType form, Map<String, Integer> sizes) {
        var type = form;
        int i = 0;
        while (i < name.length() && type != null) {
            char c = name.charAt(i);
            if (c == '[') {
                int close = name.indexOf(']', i);
                Class<?> container = type.toClass();
                boolean list = Collection.class.isAssignableFrom(container) || container.isArray();
                if (list || Map.class.isAssignableFrom(container)) {
                    if (close < 0) {
                        throw new InvalidListIndexException(name);
                    }
                    var key = name.substring(i + 1, close);
                    if (list && !key.isEmpty()) {
                        if (!INDEX.matcher(key).matches() || Integer.parseInt(key) >= MAX_INDEX) {
                            throw new InvalidListIndexException(name);
                        }
                        sizes.merge(name.substring(0, i), Integer.parseInt(key) + 1, Math::max);
                    }
                    type = list ? (container.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0))
                            : type.asMap().getGeneric(1);
                    if (close + 1 < name.length() && BeanUtils.isSimpleValueType(type.toClass())) {
                        // "actuals[4][2]", "schoolIds[1].x": the binder would try to build a number from parts
                        throw new InvalidListIndexException(name);
                    }
                } else {
                    return;
                }
                i = close + 1;
            } else if (c == '.') {
                i++;
            } else {
                int end = i;
                while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
                    end++;
                }
                type = property(type, name.substring(i, end));
                i = end;
            }
        }
    }

    /** The type of a form record's component (a constructor argument, as the binder sees it), or null. */
    private static ResolvableType property(ResolvableType owner, String property) {
        var clazz = owner.resolve();
        if (clazz == null || BeanUtils.isSimpleValueType(clazz) || clazz.getName().startsWith("java.")) {
            return null;
        }
        Constructor<?> constructor;
        try {
            constructor = BeanUtils.getResolvableConstructor(clazz);
        } catch (IllegalStateException e) {
            return null;
        }
        var names = BeanUtils.getParameterNames(constructor);
        for (int p = 0; p < names.length; p++) {
            if (names[p].equals(property)) {
                return ResolvableType.forConstructorParameter(constructor, p);
            }
        }
        var descriptor = BeanUtils.getPropertyDescriptor(clazz, property);
        return descriptor == null || descriptor.getReadMethod() == null ? null
                : ResolvableType.forMethodReturnType(descriptor.getReadMethod());
    }
}
