package cn.workplan.account;

import static cn.workplan.account.HostileInputTest.INDEXES;
import static cn.workplan.account.HostileInputTest.JSON_BODIES;
import static cn.workplan.account.HostileInputTest.JSON_VALUES;
import static cn.workplan.account.HostileInputTest.OVERSIZE;
import static cn.workplan.account.HostileInputTest.PATH_VALUES;
import static cn.workplan.account.HostileInputTest.TEXT_BODIES;
import static cn.workplan.account.HostileInputTest.BOOLEAN_VALUES;
import static cn.workplan.account.HostileInputTest.DATE_VALUES;
import static cn.workplan.account.HostileInputTest.ENUM_VALUES;
import static cn.workplan.account.HostileInputTest.NUMBER_VALUES;
import static cn.workplan.account.HostileInputTest.TEXT_VALUES;
import static cn.workplan.account.HostileInputTest.VALUES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.workplan.account.HostileInputTest.Attack;
import cn.workplan.account.HostileInputTest.Target;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The catalogue of {@link HostileInputTest} made concrete for one endpoint: which parameters, lists, bodies and files
 * its handler takes (read from the handler method's parameters and its form records' components), and one request per
 * hostile value in each, on the base of the access table's row.
 */
final class HostileRequests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};

    private final Target target;
    private final ObjectMapper json;
    private final MultiValueMap<String, String> base;
    /** Parameters that take one value (or repeated values), by name, with their type (null when unknown). */
    private final Map<String, Class<?>> scalars = new LinkedHashMap<>();
    /** List parameters: name, and the first component of an element when elements are records. */
    private final Map<String, String> lists = new LinkedHashMap<>();
    /** Map parameters by name: their indexed keys are attacked. */
    private final List<String> maps = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private Class<?> jsonBody;

    HostileRequests(Target target, ObjectMapper json) {
        this.target = target;
        this.json = json;
        this.base = target.base();
        if (target.handler() == null) {
            base.keySet().forEach(name -> scalars.put(name, null));
        } else {
            for (var parameter : target.handler().getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                read(parameter);
            }
        }
    }

    List<Attack> all() {
        var attacks = new ArrayList<Attack>();
        scalars.forEach((name, type) -> {
            for (var value : values(type)) {
                // a value the field's type cannot take, or longer than any field: the message must stand beside the field
                var beside = mismatch(type, value) ? name : null;
                attacks.add(form(name + "=" + visible(value), beside, params -> params.set(name, value)));
            }
            if (type != String.class) {
                attacks.add(form(name + " twice", null, params -> params.put(name, List.of("1", "2"))));
            }
        });
        lists.forEach((name, component) -> {
            for (var index : INDEXES) {
                var parameter = name + index + (component == null ? "" : "." + component);
                attacks.add(form(parameter, null, params -> params.set(parameter, "1")));
            }
        });
        for (var name : maps) {
            for (var key : List.of("[abc]", "[99999999999999999999]", "[", "[1][2]")) {
                attacks.add(form(name + key, null, params -> params.set(name + key, "1")));
            }
        }
        attacks.add(form("an unknown parameter", null, params -> params.set("zz\u0000[99999999999].x", "\u0000")));
        pathAttacks(attacks);
        if (jsonBody != null) {
            jsonAttacks(attacks);
        }
        if (consumes(MediaType.TEXT_PLAIN)) {
            for (var text : TEXT_BODIES) {
                attacks.add(new Attack("text " + visible(text), () -> request(target.method(), uri(target.path()))
                        .contentType(new MediaType(MediaType.TEXT_PLAIN, UTF_8)).content(text.getBytes(UTF_8)), 0, null));
            }
        }
        for (var name : files) {
            fileAttacks(name, attacks);
        }
        if (target.oversize() && !consumes(MediaType.MULTIPART_FORM_DATA) && !consumes(MediaType.TEXT_PLAIN)) {
            attacks.add(new Attack("a body of 3 MB", () -> request(target.method(), uri(target.path()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(OVERSIZE), target.api() ? 413 : 303, null));
        }
        return attacks;
    }

    private void read(MethodParameter parameter) {
        var type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
            return;
        }
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
            jsonBody = type;
            return;
        }
        var name = name(parameter);
        var element = ResolvableType.forMethodParameter(parameter);
        if (MultipartFile.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type) && MultipartFile.class.equals(element.asCollection().getGeneric(0).resolve())) {
            files.add(name);
            return;
        }
        if (injected(type)) {
            return;
        }
        if (parameter.hasParameterAnnotation(RequestParam.class) || BeanUtils.isSimpleProperty(type)) {
            scalars.put(name, BeanUtils.isSimpleProperty(type) ? type : null);
            return;
        }
        components("", type);
    }

    /** A form record's components as the binder reads them: plain values, lists, maps, nested records. */
    private void components(String prefix, Class<?> record) {
        var constructor = BeanUtils.getResolvableConstructor(record);
        var names = BeanUtils.getParameterNames(constructor);
        for (int i = 0; i < names.length; i++) {
            var path = prefix + names[i];
            var type = ResolvableType.forConstructorParameter(constructor, i);
            var raw = type.toClass();
            if (Collection.class.isAssignableFrom(raw)) {
                var element = type.asCollection().getGeneric(0).toClass();
                if (BeanUtils.isSimpleProperty(element)) {
                    scalars.put(path, element);
                    lists.put(path, null);
                } else {
                    lists.put(path, BeanUtils.getParameterNames(BeanUtils.getResolvableConstructor(element))[0]);
                    components(path + "[0].", element);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                maps.add(path);
                var key = base.keySet().stream().filter(name -> name.startsWith(path + "[")).findFirst().orElse(path + "[1]");
                scalars.put(key, type.asMap().getGeneric(1).toClass());
            } else if (BeanUtils.isSimpleProperty(raw)) {
                scalars.put(path, raw);
            } else {
                components(path + ".", raw);
            }
        }
    }

    /** Whether the value cannot be one of the type's (or is longer than any field may be): then it must be refused. */
    private static boolean mismatch(Class<?> type, String value) {
        if (value.equals(HostileInputTest.OVER_LONG)) {
            return true;
        }
        if (type == null || value.isEmpty() || CharSequence.class.isAssignableFrom(type)) {
            return false;
        }
        var boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
        return !(Number.class.isAssignableFrom(boxed) && value.equals("-0"));
    }

    /** The hostile values of a parameter's type. */
    private static List<String> values(Class<?> type) {
        if (type == null || type == Object.class) {
            return VALUES;
        }
        var boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
        if (CharSequence.class.isAssignableFrom(boxed)) {
            return TEXT_VALUES;
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return NUMBER_VALUES;
        }
        if (boxed.isEnum()) {
            return ENUM_VALUES;
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(boxed)) {
            return DATE_VALUES;
        }
        if (boxed == Boolean.class) {
            return BOOLEAN_VALUES;
        }
        return VALUES;
    }

    private void pathAttacks(List<Attack> attacks) {
        if (target.handler() == null) {
            return;
        }
        var values = target.info().getPathPatternsCondition().getFirstPattern()
                .matchAndExtract(org.springframework.http.server.PathContainer.parsePath(target.path()));
        if (values == null) {
            return;
        }
        for (var variable : values.getUriVariables().keySet()) {
            for (var value : PATH_VALUES) {
                var matcher = VARIABLE.matcher(target.pattern());
                var path = new StringBuilder();
                while (matcher.find()) {
                    var name = matcher.group(1);
                    matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(name.equals(variable) ? value
                            : UriUtils.encodePathSegment(values.getUriVariables().get(name), UTF_8)));
                }
                matcher.appendTail(path);
                attacks.add(new Attack("{" + variable + "}=" + value, () -> withBase(request(target.method(), uri(path.toString())), base), 0, null));
            }
        }
    }

    private void jsonAttacks(List<Attack> attacks) {
        var original = target.row().body() == null ? "{}" : target.row().body().get();
        for (var body : JSON_BODIES) {
            attacks.add(jsonAttack("body " + visible(body), MediaType.APPLICATION_JSON, () -> body));
        }
        attacks.add(jsonAttack("the body as XML", MediaType.APPLICATION_XML, () -> original));
        if (jsonBody.isRecord()) {
            for (var component : jsonBody.getRecordComponents()) {
                for (var value : JSON_VALUES) {
                    attacks.add(jsonAttack(component.getName() + ": " + visible(value), MediaType.APPLICATION_JSON, () -> {
                        var node = (ObjectNode) json.readTree(target.row().body() == null ? "{}" : target.row().body().get());
                        node.set(component.getName(), json.readTree(value));
                        return json.writeValueAsString(node);
                    }));
                }
            }
        }
    }

    private Attack jsonAttack(String description, MediaType type, HostileInputTest.Supplier<String> body) {
        return new Attack(description, () -> withBase(request(target.method(), uri(target.path())), base)
                .contentType(type).content(body.get().getBytes(UTF_8)), 0, null);
    }

    private void fileAttacks(String name, List<Attack> attacks) {
        var uploads = List.of(
                new MockMultipartFile(name, "照片\u0000.jpg", "image/jpeg", JPEG),
                new MockMultipartFile(name, "\u0001\u001b计划.txt", "text/plain", "一、重点工作\n1.推进\u0000。".getBytes(UTF_8)),
                new MockMultipartFile(name, "长".repeat(300) + ".docx", "application/octet-stream", new byte[] {'P', 'K', 3, 4, 0}),
                new MockMultipartFile(name, "空.xlsx", "application/octet-stream", new byte[0]),
                new MockMultipartFile(name, "", "application/octet-stream", "\u0000\u0001".getBytes(UTF_8)));
        for (var upload : uploads) {
            attacks.add(new Attack("file " + visible(upload.getOriginalFilename()) + " (" + upload.getSize() + " bytes)",
                    () -> withBase(multipart(target.method(), uri(target.path())).file(upload), base), 0, null));
        }
    }

    /** A form or query with the base's parameters, changed; sent as multipart where the handler takes only that. */
    private Attack form(String description, String field, java.util.function.Consumer<MultiValueMap<String, String>> change) {
        var params = new LinkedMultiValueMap<>(base);
        change.accept(params);
        return new Attack(description, () -> {
            MockHttpServletRequestBuilder request;
            if (consumes(MediaType.MULTIPART_FORM_DATA)) {
                var multipart = multipart(target.method(), uri(target.path()));
                for (var name : files) {
                    multipart.file(new MockMultipartFile(name, "计划.txt", "text/plain", "一、重点工作\n1.推进学前教育。".getBytes(UTF_8)));
                }
                request = multipart;
            } else {
                request = request(target.method(), uri(target.path()));
            }
            if (consumes(MediaType.TEXT_PLAIN)) {
                request.contentType(new MediaType(MediaType.TEXT_PLAIN, UTF_8)).content("一、重点工作\n1.推进学前教育。".getBytes(UTF_8));
            }
            if (jsonBody != null && target.row().body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(target.row().body().get().getBytes(UTF_8));
            }
            return withBase(request, params);
        }, 0, field);
    }

    private static MockHttpServletRequestBuilder withBase(MockHttpServletRequestBuilder request, MultiValueMap<String, String> params) {
        params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return request;
    }

    private boolean consumes(MediaType type) {
        return target.info() != null && target.info().getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(consumable -> consumable.includes(type));
    }

    private static URI uri(String path) {
        return URI.create(path);
    }

    private static String name(MethodParameter parameter) {
        var annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        if (annotation != null && StringUtils.hasText(annotation.value())) {
            return annotation.value();
        }
        return parameter.getParameterName();
    }

    private static boolean injected(Class<?> type) {
        return org.springframework.ui.Model.class.isAssignableFrom(type)
                || org.springframework.web.servlet.mvc.support.RedirectAttributes.class.isAssignableFrom(type)
                || Errors.class.isAssignableFrom(type)
                || jakarta.servlet.http.HttpSession.class.isAssignableFrom(type)
                || jakarta.servlet.ServletRequest.class.isAssignableFrom(type)
                || jakarta.servlet.ServletResponse.class.isAssignableFrom(type)
                || java.util.Locale.class.equals(type)
                || java.security.Principal.class.isAssignableFrom(type)
                || org.springframework.web.context.request.WebRequest.class.isAssignableFrom(type);
    }

    /** A value as a failure message shows it: control characters as escapes, long ones cut. */
    static String visible(String value) {
        var shown = new StringBuilder();
        for (char c : value.toCharArray()) {
            shown.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.length() > 40 ? shown.substring(0, 20) + "…(" + value.length() + " chars)" : shown.toString();
    }
}
