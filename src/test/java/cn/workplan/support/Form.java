package cn.workplan.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.FormElement;

/** A form of a rendered page with the values a browser would send; change some and submit it with {@link Browser}. */
public final class Form {

    private final String action;
    private final Map<String, String> fields = new LinkedHashMap<>();

    Form(FormElement form) {
        this.action = form.attr("action");
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
    }

    public String action() {
        return action;
    }

    public String get(String name) {
        return fields.get(name);
    }

    public Form set(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Map<String, String> fields() {
        return fields;
    }
}
