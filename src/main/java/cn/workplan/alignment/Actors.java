package cn.workplan.alignment;

import cn.workplan.audit.AuditTrail;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is doing something, as the audit log names them: the login, or {@code system} for the demo data and generators. */
final class Actors {

    private Actors() {
    }

    static String current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? AuditTrail.SYSTEM_ACTOR : authentication.getName();
    }
}
