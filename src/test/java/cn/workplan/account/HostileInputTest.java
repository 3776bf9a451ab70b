package cn.workplan.account;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import cn.workplan.account.AccessMatrixTest.Caller;
import cn.workplan.account.AccessMatrixTest.Endpoint;
import cn.workplan.execution.ProgressReports;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanService;
import cn.workplan.summary.Summaries;
import cn.workplan.supervision.NoticeService;
import cn.workplan.support.BackgroundThreads;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;
import cn.workplan.support.WriteLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every endpoint of the application, sent what an attacker or a careless paste would send: control characters, numbers
 * too large or not numbers at all, wrong enum names, impossible dates, over-long text, huge and broken list indexes, an
 * oversize body, broken JSON, odd file names. The endpoints are those of {@link AccessMatrixTest}'s table (which fails
 * when an endpoint has no row), each called as a role the table lets in, with the row's request as the base and one
 * parameter at a time changed. Whatever the value, the answer is never a 5xx: a refusal is a 4xx with a message (the
 * error page's text, or a problem detail on the API), a form back with its messages, or a redirect with an error; a
 * refused request writes nothing at all ({@link WriteLog} sees every row written); an accepted one (a control character
 * taken out, the rest valid) stores no control character; no page shows a raw message key.
 */
@IntegrationTest
class HostileInputTest {

    static final String NUL = "a\u0000b";
    static final String CONTROLS = "\u0001\u0007\u000b\u000c\u001b\u007f 控制字符";
    static final String OVER_LONG = "长".repeat(30_000);

    /**
     * Put into every parameter an endpoint takes, one at a time, as far as the parameter's type makes them hostile (a
     * text field takes "1e12" as it is): control characters and over-long text everywhere, numbers too large, in
     * exponent form, not numbers or negative zero in numbers, wrong names in enums, impossible dates in dates.
     */
    static final List<String> TEXT_VALUES = List.of(NUL, CONTROLS, OVER_LONG, "");
    static final List<String> NUMBER_VALUES = List.of(NUL, "99999999999999999999", "1e12", "1e-2000", "NaN", "-0", "abc", "", OVER_LONG);
    static final List<String> ENUM_VALUES = List.of(NUL, "NOT_A_VALUE", "", OVER_LONG);
    static final List<String> DATE_VALUES = List.of(NUL, "2026-02-30", "99999-12-31", "abc", "", OVER_LONG);
    static final List<String> BOOLEAN_VALUES = List.of(NUL, "abc", "", OVER_LONG);
    /** For parameters of no known type (a filter's address such as the login form's). */
    static final List<String> VALUES = List.of(NUL, CONTROLS, "99999999999999999999", "1e12", "NaN", "-0", "abc", "", OVER_LONG,
            "NOT_A_VALUE", "2026-02-30");

    /** Put into each variable of the address. */
    static final List<String> PATH_VALUES = List.of("abc", "99999999999999999999", "%00");

    /** Indexes of a list parameter: beyond any form, beyond an int, not a number, unclosed. */
    static final List<String> INDEXES = List.of("[9999]", "[100000]", "[99999999999]", "[abc]", "[5");

    /** Put into each field of a JSON body. */
    static final List<String> JSON_VALUES = List.of("\"a\\u0000b\"", "\"\\u0001\\u001b x\"", "1e12", "-0", "\"NaN\"", "[]",
            "{}", "true", "null", "99999999999999999999", "\"" + "长".repeat(30_000) + "\"", "\"NOT_A_VALUE\"");

    /** Whole JSON bodies that are not what any endpoint reads. */
    static final List<String> JSON_BODIES = List.of("{", "", "null", "[]", "\"text\"", "[".repeat(5000) + "]".repeat(5000),
            "{\"name\": \"a\u0000b\"", "\u0000\u0001");

    /** Pasted or uploaded text. */
    static final List<String> TEXT_BODIES = List.of("一、重点工作\n1.推进\u0000学前教育\u000b。", "\u0001\u0002\u0003", "",
            "长".repeat(30_000), "\uFFFD\uFFFE");

    /** A body over the server's limit on forms (2 MB). */
    static final byte[] OVERSIZE = ("text=" + "a".repeat(3 * 1024 * 1024)).getBytes(UTF_8);

    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s]+_(zh_CN|en)\\?\\?");

    /** Writes that are what the request is for, whatever its parameters: opening a notification marks it read. */
    private static final Map<String, String> WRITES_ALLOWED = Map.of("GET /notifications/{id}", "notification");

    private static WriteLog writes;
    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong NANOS = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void recordsAndWriteLog(@Autowired TestData data, @Autowired PlanService plans, @Autowired OutlineService outline,
            @Autowired UserDetailsService users, @Autowired JdbcClient jdbc, @Autowired SignIn signIn,
            @Autowired ProgressReports reports, @Autowired NoticeService notices,
            @Autowired cn.workplan.notification.Notifications notifications, @Autowired Summaries summaries,
            @Autowired cn.workplan.alignment.UpperDocuments upperDocuments, @Autowired cn.workplan.publication.Publications publications) {
        AccessMatrixTest.makeRecords(data, plans, outline, users, jdbc, signIn, reports, notices, notifications, summaries, upperDocuments,
                publications);
        // the shared account of each role exists before anything is watched (it is made on first use)
        java.util.Arrays.stream(Role.values()).forEach(signIn::login);
        writes = WriteLog.install(jdbc);
    }

    @AfterAll
    static void removeWriteLog() {
        System.out.printf("HostileInputTest: %d hostile requests in %d s%n", REQUESTS.get(), NANOS.get() / 1_000_000_000);
        if (writes != null) {
            writes.remove();
        }
    }

    /** Each endpoint of the application, attacked with the whole catalogue; a failure lists every bad answer. */
    @TestFactory
    Stream<DynamicTest> answersEveryHostileValueWithoutFailingOrWriting(@Autowired List<RequestMappingInfoHandlerMapping> mappings) {
        return targets(mappings).stream().map(target -> DynamicTest.dynamicTest(target.toString(), () -> {
            var failures = new ArrayList<String>();
            long started = System.nanoTime();
            var attacks = new HostileRequests(target, json).all();
            for (var attack : attacks) {
                perform(target, attack).check(target, attack, failures);
            }
            REQUESTS.addAndGet(attacks.size());
            NANOS.addAndGet(System.nanoTime() - started);
            assertThat(failures).as("answers of %s to hostile input", target).isEmpty();
        }));
    }

    /** Every handler of the application is attacked (so is a new one, once the access table has its row). */
    @Test
    void everyHandlerOfTheApplicationIsAttacked(@Autowired List<RequestMappingInfoHandlerMapping> mappings) {
        var attacked = targets(mappings).stream().map(Target::handler).filter(java.util.Objects::nonNull).toList();
        var missing = mappings.stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(entry -> entry.getValue().getBeanType().getName().startsWith("cn.workplan."))
                .filter(entry -> !AccessMatrixTest.isSpringErrorController(entry.getValue()))
                .filter(entry -> attacked.stream().noneMatch(handler -> handler.equals(entry.getValue())))
                .map(entry -> entry.getKey().toString())
                .toList();
        assertThat(missing).as("handlers no hostile request reaches").isEmpty();
    }

    private Outcome perform(Target target, Attack attack) throws Exception {
        MockHttpServletRequestBuilder request;
        try {
            request = attack.request();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot build " + attack + " for " + target, e);
        }
        if (target.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        if (target.caller().role != null) {
            request.with(signIn.as(target.caller().role));
        }
        // what the outbox's sender writes for an earlier request is not this request's doing
        BackgroundThreads.awaitIdle("notification-delivery", java.time.Duration.ofSeconds(30));
        writes.take();
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception e) {
            writes.take();
            return Outcome.thrown(e);
        }
        var response = result.getResponse();
        var body = response.getContentAsString(UTF_8);
        var contentType = response.getContentType();
        if (response.getStatus() >= 400 && body.isEmpty()) {
            var page = errorPage(result);
            body = page.getContentAsString(UTF_8);
            contentType = page.getContentType();
        }
        var flash = result.getFlashMap() == null ? Map.<String, Object>of() : result.getFlashMap();
        return new Outcome(response.getStatus(), response.getRedirectedUrl(), flash.get("error"), flash.get("message"),
                contentType, body, null, writes.take());
    }

    /** What the container would show: the error page's dispatch, with the attributes the failed request left. */
    /** The error pages rendered so far, by status, address kind and message: each is rendered once. */
    private final Map<String, org.springframework.mock.web.MockHttpServletResponse> errorPages = new java.util.HashMap<>();

    private org.springframework.mock.web.MockHttpServletResponse errorPage(MvcResult failed) throws Exception {
        var original = failed.getRequest();
        var api = original.getRequestURI().startsWith("/api/") || original.getRequestURI().startsWith("/actuator");
        var key = failed.getResponse().getStatus() + " " + api + " "
                + original.getAttribute("cn.workplan.system.web.ErrorPageController.message");
        var rendered = errorPages.get(key);
        if (rendered == null) {
            rendered = renderErrorPage(failed);
            errorPages.put(key, rendered);
        }
        return rendered;
    }

    private org.springframework.mock.web.MockHttpServletResponse renderErrorPage(MvcResult failed) throws Exception {
        var original = failed.getRequest();
        var dispatch = get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, failed.getResponse().getStatus())
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, original.getRequestURI());
        var message = original.getAttribute("cn.workplan.system.web.ErrorPageController.message");
        if (message != null) {
            dispatch.requestAttr("cn.workplan.system.web.ErrorPageController.message", message);
        }
        return mvc.perform(dispatch).andReturn().getResponse();
    }

    /**
     * One request of the catalogue.
     *
     * @param expectedStatus the status the request must get, or 0 when any answer short of a 5xx will do
     * @param field          the form field whose value must be refused, beside the field when the form comes back; or null
     */
    record Attack(String description, Supplier<MockHttpServletRequestBuilder> builder, int expectedStatus, String field) {

        MockHttpServletRequestBuilder request() throws Exception {
            return builder.get();
        }

        @Override
        public String toString() {
            return description.length() > 160 ? description.substring(0, 160) + "…" : description;
        }
    }

    interface Supplier<T> {
        T get() throws Exception;
    }

    /** What came back, and what was written meanwhile. */
    record Outcome(int status, String redirect, Object flashError, Object flashMessage, String contentType, String body,
            Throwable thrown, List<WriteLog.Write> written) {

        static Outcome thrown(Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Outcome(500, null, null, null, null, "", root, List.of());
        }

        void check(Target target, Attack attack, List<String> failures) {
            Consumer<String> fail = problem -> failures.add(attack + " → " + problem);
            if (thrown != null) {
                var where = java.util.Arrays.stream(thrown.getStackTrace())
                        .filter(frame -> frame.getClassName().startsWith("cn.workplan.")).limit(3).toList();
                fail.accept("exception " + thrown + " at " + where);
                return;
            }
            if (status == 503 && target.pattern().endsWith(".pdf") && body.contains("id=\"pdf-unavailable\"")) {
                return;
            }
            if (status >= 500) {
                fail.accept(status + " " + abbreviate(body));
                return;
            }
            if (attack.expectedStatus() != 0 && status != attack.expectedStatus()) {
                fail.accept(status + " instead of " + attack.expectedStatus());
            }
            boolean html = contentType != null && contentType.startsWith(MediaType.TEXT_HTML_VALUE) || body.startsWith("<!DOCTYPE");
            if (html && RAW_KEY.matcher(body).find()) {
                var matcher = RAW_KEY.matcher(body);
                matcher.find();
                fail.accept("a raw message key on the page: " + matcher.group());
            }
            if (status >= 400) {
                checkMessage(target, fail);
            }
            boolean accepted = target.method() != HttpMethod.GET && status < 400
                    && (status >= 300 ? flashError == null && (redirect == null || !redirect.contains("?error"))
                            : target.api());
            if (!accepted && status == 200 && target.method() != HttpMethod.GET && html) {
                checkForm(attack, fail);
            }
            var allowed = WRITES_ALLOWED.get(target.method() + " " + target.pattern());
            var unexpected = written.stream().filter(write -> !write.table().equals(allowed)).toList();
            if (!accepted && !unexpected.isEmpty()) {
                fail.accept(status + " (refused) but wrote " + unexpected);
            }
            written.stream().filter(WriteLog.Write::hasControlCharacters)
                    .forEach(write -> fail.accept("stored a control character: " + write + " " + write.row()));
        }

        /**
         * A form that came back: with a message, and with it beside the refused field when the page shows that field
         * and marks fields at all (a form refused as a whole, for a conflicting edit, shows one message above it).
         */
        private void checkForm(Attack attack, Consumer<String> fail) {
            var page = Jsoup.parse(body);
            var marked = page.select("main .is-invalid, main .invalid-feedback, main .text-danger");
            if (marked.isEmpty() && page.select("main .alert-danger").isEmpty()) {
                fail.accept("the form came back without a message");
                return;
            }
            if (attack.field() == null || marked.isEmpty()) {
                return;
            }
            var controls = page.select("main [name]:not([type=hidden]):not(button):not([type=submit])").stream()
                    .filter(control -> control.attr("name").equals(attack.field())).toList();
            if (!controls.isEmpty() && controls.stream().noneMatch(Outcome::markedBeside)) {
                fail.accept("the form came back without a message beside " + attack.field());
            }
        }

        /** The control is marked invalid, or a message stands in its group (a checkbox list, a radio group, a table). */
        private static boolean markedBeside(org.jsoup.nodes.Element control) {
            if (control.hasClass("is-invalid")) {
                return true;
            }
            var group = control.parent();
            for (int level = 0; level < 3 && group != null && !group.tagName().equals("form"); level++, group = group.parent()) {
                if (!group.select(".invalid-feedback, .text-danger").text().isBlank()) {
                    return true;
                }
            }
            return false;
        }

        private void checkMessage(Target target, Consumer<String> fail) {
            if (target.api()) {
                if (contentType == null || !contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        || !body.contains("\"detail\"")) {
                    fail.accept(status + " without a problem detail: " + contentType + " " + abbreviate(body));
                }
                return;
            }
            var page = Jsoup.parse(body);
            var text = page.selectFirst("#error-text");
            if (text == null || text.text().isBlank()) {
                fail.accept(status + " without an error page's text: " + abbreviate(page.text()));
            }
        }

        private static String abbreviate(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }

    /** An endpoint to attack: a handler (or a filter's address, such as the login form's) and the row it is called as. */
    /**
     * @param oversize whether to send it a body over the server's limit too: one form of each controller is enough to show
     *                 that the limit is met before anything reads the form, whichever it is (a 3 MB body costs time)
     */
    record Target(HttpMethod method, String pattern, HandlerMethod handler, RequestMappingInfo info, Endpoint row, Caller caller,
            boolean oversize) {

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " as " + caller + (handler == null ? "" : " (" + handler.getShortLogMessage() + ")");
        }

        /** The row's address with its records filled in, without the query. */
        String path() {
            return row.url(AccessMatrixTest.records()).replaceFirst("\\?.*", "");
        }

        /** The row's query parameters: the base every attack changes one thing of. */
        MultiValueMap<String, String> base() {
            var query = UriComponentsBuilder.fromUriString(row.url(AccessMatrixTest.records())).build().getQueryParams();
            var decoded = new LinkedMultiValueMap<String, String>();
            query.forEach((name, values) -> values.forEach(value ->
                    decoded.add(name, value == null ? "" : java.net.URLDecoder.decode(value, UTF_8))));
            return decoded;
        }
    }

    /**
     * Every handler method of the application with the first row of the access table that reaches it (a row whose
     * caller gets in, if there is one), and the rows no handler of the application answers (the login form and logging
     * out, which are Spring Security's filters; the actuator's endpoints).
     */
    static List<Target> targets(List<RequestMappingInfoHandlerMapping> mappings) {
        var rows = AccessMatrixTest.table();
        var handlers = mappings.stream().flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(entry -> !AccessMatrixTest.isSpringErrorController(entry.getValue()))
                .filter(entry -> entry.getValue().getBeanType().getName().startsWith("cn.workplan."))
                .toList();
        var targets = new ArrayList<Target>();
        var oversized = new java.util.HashSet<Class<?>>();
        for (var handler : handlers) {
            var reaching = rows.stream().filter(row -> row.reaches(handler.getKey())).toList();
            if (reaching.isEmpty()) {
                continue;
            }
            var row = reaching.stream().filter(candidate -> allowed(candidate).isPresent()).findFirst().orElse(reaching.get(0));
            boolean oversize = row.method() != HttpMethod.GET && oversized.add(handler.getValue().getBeanType());
            targets.add(new Target(row.method(), handler.getKey().getPatternValues().iterator().next(), handler.getValue(),
                    handler.getKey(), row, allowed(row).orElse(Caller.ADMIN), oversize));
        }
        for (var row : rows) {
            if (handlers.stream().noneMatch(handler -> row.reaches(handler.getKey()))) {
                targets.add(new Target(row.method(), row.url(Map.of()).replaceFirst("\\?.*", ""), null, null, row,
                        allowed(row).orElse(Caller.ADMIN), row.method() != HttpMethod.GET));
            }
        }
        return targets;
    }

    /** The first caller the row lets in: someone whose request is answered, not refused. */
    private static Optional<Caller> allowed(Endpoint row) {
        var order = List.of(Caller.ADMIN, Caller.LEADER, Caller.OFFICE_STAFF, Caller.PRINCIPAL, Caller.INSPECTOR, Caller.ANONYMOUS);
        var answered = List.of("200", "201", "302", "302 /login?error", "302 /login?logout");
        return order.stream().filter(caller -> answered.contains(row.expected(caller).toString())).findFirst();
    }
}
