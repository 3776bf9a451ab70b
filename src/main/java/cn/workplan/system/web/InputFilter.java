package cn.workplan.system.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * The one door every request passes before anything reads its parameters (Spring Security's filters included):
 *
 * <ul>
 * <li>A body over the server's limits is answered "too large" instead of being dropped silently by Tomcat (which left a
 * form without its CSRF token, a 403, or an upload with an empty 413): a page goes back to where the form was, with the
 * message; the API gets a 413 problem.</li>
 * <li>Parameters, multipart text fields and the names of uploaded files are read through a {@link CleanRequest}, without
 * control characters. A multipart request is resolved here, as Spring's {@code MultipartFilter} would, so that its files
 * come through the same wrapper; the dispatcher then takes it as resolved.</li>
 * <li>Parameters Tomcat could not read for another reason (a broken percent-encoding, too many) make a 400.</li>
 * </ul>
 */
class InputFilter extends OncePerRequestFilter {

    /** The attribute Tomcat answers with why it could not read the parameters, such as {@code POST_TOO_LARGE}. */
    static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private static final Logger log = LoggerFactory.getLogger(InputFilter.class);

    private final MultipartResolver multipart;
    private final long maxFormBytes;
    private final long maxUploadBytes;
    private final long maxFileBytes;

    /**
     * @param multipart      the application's multipart resolver, {@code null} when uploads are switched off
     * @param maxFormBytes   the largest form body Tomcat reads ({@code server.tomcat.max-http-form-post-size})
     * @param maxUploadBytes the largest multipart request ({@code spring.servlet.multipart.max-request-size})
     * @param maxFileBytes   the largest uploaded file ({@code spring.servlet.multipart.max-file-size})
     */
    InputFilter(MultipartResolver multipart, long maxFormBytes, long maxUploadBytes, long maxFileBytes) {
        this.multipart = multipart;
        this.maxFormBytes = maxFormBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isMultipart = multipart != null && multipart.isMultipart(request);
        long length = request.getContentLengthLong();
        long limit = isMultipart ? maxUploadBytes : isForm(request) ? maxFormBytes : -1;
        if (limit >= 0 && length > limit) {
            tooLarge(request, response, isMultipart);
            return;
        }
        MultipartHttpServletRequest resolved = null;
        boolean resolvedHere = false;
        try {
            if (isMultipart) {
                resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
                if (resolved == null) {
                    resolved = multipart.resolveMultipart(request);
                    resolvedHere = true;
                }
            }
            // read the parameters now, so that what Tomcat could not read is known before anybody relies on them
            request.getParameterNames();
            var reason = request.getAttribute(PARSE_FAILED_REASON);
            if (reason != null) {
                refuseUnread(request, response, reason.toString(), isMultipart);
                return;
            }
            var clean = CleanRequest.of(request, resolved);
            if (log.isDebugEnabled()) {
                int stripped = clean.stripped();
                if (stripped > 0) {
                    log.debug("{} control characters taken out of the parameters of {} {}", stripped, request.getMethod(),
                            request.getRequestURI());
                }
            }
            chain.doFilter(clean, response);
        } catch (MaxUploadSizeExceededException e) {
            tooLarge(request, response, true);
        } catch (MultipartException e) {
            log.info("unreadable multipart request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            refuse(request, response, HttpStatus.BAD_REQUEST, "error.input.unreadable");
        } finally {
            if (resolvedHere) {
                multipart.cleanupMultipart(resolved);
            }
        }
    }

    private void refuseUnread(HttpServletRequest request, HttpServletResponse response, String reason, boolean isMultipart)
            throws IOException {
        switch (reason) {
            case "POST_TOO_LARGE", "TOO_MANY_PARAMETERS" -> tooLarge(request, response, isMultipart);
            default -> {
                log.info("unreadable parameters in {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
                refuse(request, response, HttpStatus.BAD_REQUEST, "error.input.unreadable");
            }
        }
    }

    /**
     * Too large: a page goes back (303) to the page the form was on, or to the address it was sent to, which shows the
     * form in this application, with the message as a flash; the API gets 413 and a problem saying the limit.
     */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response, boolean isMultipart) throws IOException {
        var key = isMultipart ? "upload.error.tooLargeLimits" : "form.error.tooLarge";
        Object[] arguments = isMultipart ? new Object[] {megabytes(maxFileBytes), megabytes(maxUploadBytes), megabytes(maxFormBytes)}
                : new Object[] {megabytes(maxFormBytes)};
        log.info("refused {} {} from {}: too large ({} bytes, {})", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), request.getContentLengthLong(), isMultipart ? "upload" : "form");
        if (ApiRequests.isApi(request) || !"POST".equals(request.getMethod())) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, key, arguments);
            return;
        }
        var target = back(request);
        var flash = new FlashMap();
        flash.put("error", key);
        flash.put("errorArgs", arguments);
        flash.setTargetRequestPath(URI.create(target).getRawPath());
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, target);
    }

    /** The error page (or the API's problem) of the status, with this message in place of the status's own. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
            Object... arguments) throws IOException {
        request.setAttribute(ErrorPageController.MESSAGE, new DefaultMessageSourceResolvable(new String[] {key}, arguments));
        response.sendError(status.value());
    }

    /** The page the form was sent from when the browser says so (this application's own), else the address it was sent to. */
    private static String back(HttpServletRequest request) {
        var referer = request.getHeader(HttpHeaders.REFERER);
        if (referer != null) {
            try {
                var from = URI.create(referer);
                var path = from.getRawPath();
                if (request.getServerName().equalsIgnoreCase(from.getHost()) && local(path, request)) {
                    return path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // not an address: fall back to the form's own
            }
        }
        return local(request.getRequestURI(), request) ? request.getRequestURI() : request.getContextPath() + "/";
    }

    /** A path of this application, never "//elsewhere", which a browser would take for another host. */
    private static boolean local(String path, HttpServletRequest request) {
        return path != null && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//") && !path.contains("\\");
    }

    private static boolean isForm(HttpServletRequest request) {
        return StringUtils.startsWithIgnoreCase(request.getContentType(), MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / 1024 / 1024);
    }
}
