package cn.workplan.document.web;

import java.io.Serializable;
import java.util.Arrays;

import cn.workplan.system.InvalidInputException;

/**
 * A refused edit or save of the preview, carried to the next page as a flash attribute: flash attributes travel in
 * the session, which is serialised into the database, and an exception's arguments would not.
 *
 * @param code      the message key
 * @param arguments its arguments, each serialisable (as text where it was not)
 */
record ImportProblem(String code, Object[] arguments) implements Serializable {

    static ImportProblem of(InvalidInputException e) {
        return new ImportProblem(e.code(), Arrays.stream(e.arguments())
                .map(argument -> argument == null || argument instanceof Serializable ? argument : argument.toString())
                .toArray());
    }
}
