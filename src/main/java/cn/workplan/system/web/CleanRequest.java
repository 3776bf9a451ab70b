package cn.workplan.system.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import cn.workplan.system.ControlCharacters;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A request whose parameters (query and form fields, the text fields of a multipart form included) come without
 * control characters ({@link ControlCharacters#strip}). Everything that binds, Spring Security's filters and the
 * controllers' parameters alike, reads them through here.
 */
class CleanRequest extends HttpServletRequestWrapper {

    private Map<String, String[]> parameters;

    CleanRequest(HttpServletRequest request) {
        super(request);
    }

    /** The request, its multipart files' names cleaned too when it is a multipart request already resolved. */
    static CleanRequest of(HttpServletRequest request, MultipartHttpServletRequest multipart) {
        return multipart == null ? new CleanRequest(request) : new Multipart(request, multipart);
    }

    @Override
    public String getParameter(String name) {
        var values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        var values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    /** How many characters were taken out of the parameters' values, for the log. */
    int stripped() {
        int count = 0;
        for (var entry : super.getParameterMap().entrySet()) {
            for (var value : entry.getValue()) {
                if (value != null) {
                    count += value.length() - ControlCharacters.strip(value).length();
                }
            }
        }
        return count;
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            var clean = new LinkedHashMap<String, String[]>();
            super.getParameterMap().forEach((name, values) -> {
                var copy = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    copy[i] = ControlCharacters.strip(values[i]);
                }
                clean.put(name, copy);
            });
            parameters = Collections.unmodifiableMap(clean);
        }
        return parameters;
    }

    /**
     * A multipart request: the files as Spring resolved them, their names as the browser sent them but cleaned. Being a
     * {@link MultipartHttpServletRequest} itself, it is what the dispatcher and the controllers' {@code MultipartFile}
     * parameters find, so they never see the uncleaned names.
     */
    static final class Multipart extends CleanRequest implements MultipartHttpServletRequest {

        private final MultipartHttpServletRequest multipart;
        private MultiValueMap<String, MultipartFile> files;

        Multipart(HttpServletRequest request, MultipartHttpServletRequest multipart) {
            super(request);
            this.multipart = multipart;
        }

        @Override
        public HttpMethod getRequestMethod() {
            return multipart.getRequestMethod();
        }

        @Override
        public HttpHeaders getRequestHeaders() {
            return multipart.getRequestHeaders();
        }

        @Override
        public HttpHeaders getMultipartHeaders(String paramOrFileName) {
            return multipart.getMultipartHeaders(paramOrFileName);
        }

        @Override
        public Iterator<String> getFileNames() {
            return files().keySet().iterator();
        }

        @Override
        public MultipartFile getFile(String name) {
            return files().getFirst(name);
        }

        @Override
        public List<MultipartFile> getFiles(String name) {
            return files().getOrDefault(name, List.of());
        }

        @Override
        public Map<String, MultipartFile> getFileMap() {
            return files().toSingleValueMap();
        }

        @Override
        public MultiValueMap<String, MultipartFile> getMultiFileMap() {
            return new LinkedMultiValueMap<>(files());
        }

        @Override
        public String getMultipartContentType(String paramOrFileName) {
            return multipart.getMultipartContentType(paramOrFileName);
        }

        private MultiValueMap<String, MultipartFile> files() {
            if (files == null) {
                var clean = new LinkedMultiValueMap<String, MultipartFile>();
                multipart.getMultiFileMap().forEach((name, list) ->
                        list.forEach(file -> clean.add(name, new CleanFile(file))));
                files = clean;
            }
            return files;
        }
    }

    /** An uploaded file whose name, as the browser gave it, has no control characters. */
    private record CleanFile(MultipartFile file) implements MultipartFile {

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public String getOriginalFilename() {
            return ControlCharacters.strip(file.getOriginalFilename());
        }

        @Override
        public String getContentType() {
            return file.getContentType();
        }

        @Override
        public boolean isEmpty() {
            return file.isEmpty();
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public byte[] getBytes() throws IOException {
            return file.getBytes();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public void transferTo(File destination) throws IOException {
            file.transferTo(destination);
        }

        @Override
        public void transferTo(Path destination) throws IOException {
            file.transferTo(destination);
        }
    }
}
