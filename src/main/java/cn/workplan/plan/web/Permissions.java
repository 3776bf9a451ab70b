package cn.workplan.plan.web;

import org.springframework.security.access.AccessDeniedException;

/** Refuses a page before its form is even read when the person may not do what it is for. */
final class Permissions {

    private Permissions() {
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed");
        }
    }
}
