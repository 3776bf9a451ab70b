package cn.workplan.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.select.Elements;

import org.springframework.test.web.servlet.ResultActions;

/** A rendered HTML page, read as a person would: its text, its forms, and the messages beside fields. */
public final class Page {

    private final Document document;

    private Page(Document document) {
        this.document = document;
    }

    /** The page answered, which must be 200. */
    public static Page of(ResultActions response) throws Exception {
        var content = response.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        return new Page(Jsoup.parse(content));
    }

    /** The visible text of the main part (without the navigation bar). */
    public String text() {
        var main = document.selectFirst("main");
        return (main == null ? document.body() : main).text();
    }

    public Elements all(String cssQuery) {
        return document.select(cssQuery);
    }

    /** The one element matching, which must exist. */
    public Element one(String cssQuery) {
        var found = document.select(cssQuery);
        assertThat(found).as("elements matching %s", cssQuery).hasSize(1);
        return found.first();
    }

    public boolean has(String cssQuery) {
        return !document.select(cssQuery).isEmpty();
    }

    /** The form of the page's content (the navigation's logout form aside). */
    public Form form() {
        return form("main form[method=post]");
    }

    public Form form(String cssQuery) {
        return new Form((FormElement) one(cssQuery));
    }

    /** What the form shows in a field: an input's value, or the selected option of a select. */
    public String value(String field) {
        var control = control(field);
        if (control.tagName().equals("select")) {
            var selected = control.selectFirst("option[selected]");
            return selected == null ? "" : selected.val();
        }
        return control.val();
    }

    /** The message beside a field; fails unless the field is marked invalid and has one. */
    public String fieldError(String field) {
        var control = control(field);
        assertThat(control.hasClass("is-invalid")).as("field %s is marked invalid", field).isTrue();
        var feedback = control.parent().selectFirst(".invalid-feedback");
        assertThat(feedback).as("message beside field %s", field).isNotNull();
        return feedback.text();
    }

    /** Names of the fields marked invalid. */
    public List<String> invalidFields() {
        return document.select("main .is-invalid").eachAttr("name");
    }

    /** Messages about the whole form, such as a conflicting edit. */
    public List<String> globalErrors() {
        return document.select("main form .alert-danger p").eachText();
    }

    private Element control(String field) {
        return one("main form [name=\"" + field + "\"]:not([type=hidden])");
    }
}
