package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.plan.PlanQueries;
import cn.workplan.system.table.ImportProperties;
import cn.workplan.system.table.ImportSlots;
import cn.workplan.support.HeldImportSlots;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/plans/import/preview}: a document in, its outline out as JSON, nothing saved. */
@IntegrationTest
class PlanImportApiTest {

    private static final String URL = "/api/plans/import/preview";

    @Autowired
    MockMvc mvc;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    PlanQueries plans;
    @Autowired
    ImportSlots slots;
    @Autowired
    ImportProperties properties;

    @Test
    void readsPastedTextAsTheIssueDescribesTheShape() throws Exception {
        int before = plans.list(data.login(data.coordinator())).size();

        mvc.perform(post(URL).with(httpBasic(data.coordinator(), TestData.PASSWORD))
                        .contentType("text/plain;charset=UTF-8").content(Samples.bytes(Samples.JIYUAN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.plans.length()").value(1))
                .andExpect(jsonPath("$.plans[0].title").value("济源市教育局2018年工作要点"))
                .andExpect(jsonPath("$.plans[0].documentNumber").value("济教〔2018〕1号"))
                .andExpect(jsonPath("$.plans[0].issueDate").value("2018-02-05"))
                .andExpect(jsonPath("$.plans[0].preamble").isString())
                .andExpect(jsonPath("$.plans[0].nodes.length()").value(8))
                .andExpect(jsonPath("$.plans[0].nodes[0].kind").value("CHAPTER"))
                .andExpect(jsonPath("$.plans[0].nodes[0].number").value("一"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].kind").value("ITEM"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].number").value("1"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].headline").value("深入学习贯彻党的十九大精神"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].body").isString())
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].targets").isArray())
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].deadlines").isArray())
                .andExpect(jsonPath("$.plans[0].schedule").isArray())
                .andExpect(jsonPath("$.discarded").isArray());

        assertThat(plans.list(data.login(data.coordinator()))).as("nothing saved").hasSize(before);
    }

    @Test
    void readsAnUploadedFileAndMatchesTheBureausOffices() throws Exception {
        var office = TestData.unique("学前教育股");
        data.office(office, office);
        var file = new MockMultipartFile("file", "计划.txt", "text/plain",
                ("青山县教育局2026年工作计划\n一、重点工作\n1.推进学前教育。" + office + "牵头，入学率达95%以上，6月底前完成。\n")
                        .getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart(URL).file(file).with(signIn.basic(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].headline").value("推进学前教育"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].targets[0].comparator").value("AT_LEAST"))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].targets[0].value").value(95))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].offices[0].office").value(office))
                .andExpect(jsonPath("$.plans[0].nodes[0].children[0].deadlines").isNotEmpty());
    }

    @Test
    void convertsTraditionalCharactersWhenAsked() throws Exception {
        mvc.perform(post(URL + "?simplified=true").with(signIn.basic(Role.ADMIN))
                        .contentType("text/plain;charset=UTF-8").content("教育局工作計劃\n一、發展學前教育\n1.擴大學位供給。\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plans[0].nodes[0].headline").value("发展学前教育"));
    }

    @Test
    void badInputIsAProblemDetailInChinese() throws Exception {
        mvc.perform(post(URL).with(signIn.basic(Role.ADMIN)).contentType("text/plain;charset=UTF-8").content("  \n "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("document.import.error.empty"))
                .andExpect(jsonPath("$.detail").value("没有可识别的文字，请检查粘贴的内容或上传的文件。"));

        var binary = new MockMultipartFile("file", "plan.txt", "text/plain", new byte[] {0, 1, 2, 3, 0, 0, (byte) 0xff, 0, 7});
        mvc.perform(multipart(URL).file(binary).with(signIn.basic(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.import.error.binary"));

        var wrongType = new MockMultipartFile("file", "plan.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart(URL).file(wrongType).with(signIn.basic(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.import.error.type"));

        var corrupt = new MockMultipartFile("file", "plan.docx", "application/octet-stream", "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1));
        mvc.perform(multipart(URL).file(corrupt).with(signIn.basic(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.import.error.unreadable"));
    }

    @Test
    void aTextBodyOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
        var big = new byte[4 * 1024 * 1024 + 10]; // over the 4 MB the API reads of a text body
        java.util.Arrays.fill(big, (byte) 'a');

        mvc.perform(post(URL).with(signIn.basic(Role.ADMIN)).contentType("text/plain;charset=UTF-8").content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("document.import.error.tooLarge"));
    }

    @Test
    void whileOtherFilesAreReadItAnswersBusyWithRetryAfter() throws Exception {
        try (var held = HeldImportSlots.hold(slots, properties.maxConcurrent(), new CountDownLatch(1))) {
            mvc.perform(post(URL).with(signIn.basic(Role.ADMIN)).contentType("text/plain;charset=UTF-8").content("一、重点工作\n1.推进。"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("document.import.error.busy"))
                    .andExpect(jsonPath("$.detail").value("服务器正在处理其他文件的导入，请稍等片刻再上传。"));
        }
        mvc.perform(post(URL).with(signIn.basic(Role.ADMIN)).contentType("text/plain;charset=UTF-8").content("一、重点工作\n1.推进。"))
                .andExpect(status().isOk());
    }

    @Test
    void onlyThoseWhoArrangePlansMayCallIt() throws Exception {
        for (var role : new Role[] {Role.LEADER, Role.OFFICE_STAFF, Role.PRINCIPAL, Role.INSPECTOR}) {
            mvc.perform(post(URL).with(signIn.basic(role)).contentType("text/plain;charset=UTF-8").content("一、重点工作\n1.推进。"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(URL).with(csrf()).contentType("text/plain;charset=UTF-8").content("一、重点工作\n1.推进。"))
                .andExpect(status().isUnauthorized());
        // a script without credentials has no CSRF token either: it is told to log in, not that it is forbidden
        mvc.perform(post(URL).contentType("text/plain;charset=UTF-8").content("一、重点工作\n1.推进。"))
                .andExpect(status().isUnauthorized())
                .andExpect(result -> assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic"));
    }
}
