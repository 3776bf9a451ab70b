package cn.workplan.todo.web;

import cn.workplan.todo.ToDo;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A to-do's text in the page's language, for the templates: {@code ${@toDoTexts.text(entry)}}. */
@Component("toDoTexts")
class ToDoTexts {

    private final MessageSource messages;

    ToDoTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(ToDo entry) {
        return entry.text(messages, LocaleContextHolder.getLocale());
    }
}
