package cn.workplan.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.web.servlet.ResultActions;

/** Reads the preview page of a bulk import. */
public final class ImportPreviews {

    private ImportPreviews() {
    }

    /** The token the preview holds the checked rows under; fails when it offers none. */
    public static String token(ResultActions preview) throws Exception {
        var token = preview.andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("token");
        assertThat(token).as("the preview's token").isInstanceOf(String.class);
        return (String) token;
    }

    /** Each row of the preview by its line number in the file, with its problems as shown ("" for none). */
    public static Map<Integer, String> problemsByLine(Page page) {
        var problems = new LinkedHashMap<Integer, String>();
        for (var row : page.all("#import-preview tbody tr")) {
            problems.put(Integer.valueOf(row.child(0).text()), row.children().last().text());
        }
        return problems;
    }
}
