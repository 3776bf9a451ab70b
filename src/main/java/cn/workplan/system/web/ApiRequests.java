package cn.workplan.system.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is one of the JSON API's ({@code /api/**}, {@code /actuator/**}), whose errors are problem details. */
final class ApiRequests {

    private ApiRequests() {
    }

    /** Also on the error page's dispatch, where the address is the one that failed. */
    static boolean isApi(HttpServletRequest request) {
        var failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var uri = failed instanceof String address ? address : request.getRequestURI();
        var path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/");
    }
}
