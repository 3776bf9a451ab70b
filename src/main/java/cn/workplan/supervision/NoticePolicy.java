package cn.workplan.supervision;

import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with supervision notices. Leaders and the supervision office (督导室, the office named by
 * {@code workplan.supervision.office}) issue notices; they, administrators and inspectors see every notice; an
 * office sees the notices it received or issued, a principal those of the school. The recipient acknowledges and
 * replies; the issuer, staff of the issuing office and leaders close a notice or send its reply back.
 * Templates ask {@code @noticePolicy.mayIssue(...)} whether to offer the issue link.
 */
@Component
public class NoticePolicy {

    private final JdbcClient jdbc;
    private final SupervisionProperties properties;

    NoticePolicy(JdbcClient jdbc, SupervisionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Whether the person may issue notices: a leader, or staff of the supervision office. */
    public boolean mayIssue(CurrentUser user) {
        return viewer(user).mayIssue();
    }

    /** The person with what the rules need to know about them (one statement for office staff, none otherwise). */
    Viewer viewer(CurrentUser user) {
        boolean supervisionOffice = user.is(Role.OFFICE_STAFF) && user.officeId() != null && jdbc.sql("""
                select exists (select 1 from office_view where id = :office and active and (short_name = :name or name = :name))""")
                .param("office", user.officeId()).param("name", properties.office())
                .query(Boolean.class).single();
        return new Viewer(user, supervisionOffice);
    }

    /** Who a notice concerns: the recipient office or school, the issuer and the issuer's office (if any). */
    record Parties(Long officeId, Long schoolId, long issuedBy, Long issuerOfficeId) {
    }

    /** A person and whether they are staff of the supervision office. */
    record Viewer(CurrentUser user, boolean supervisionOffice) {

        boolean mayIssue() {
            return user.is(Role.LEADER) || supervisionOffice;
        }

        void checkMayIssue() {
            if (!mayIssue()) {
                throw new AccessDeniedException("not allowed: issue a supervision notice");
            }
        }

        /** Leaders, administrators, inspectors and the supervision office see every notice. */
        boolean seesAll() {
            return user.is(Role.ADMIN) || user.is(Role.LEADER) || user.is(Role.INSPECTOR) || supervisionOffice;
        }

        boolean sees(Parties notice) {
            return seesAll() || receives(notice) || issuingOffice(notice);
        }

        /** Staff of the recipient office, principals of the recipient school. */
        boolean receives(Parties notice) {
            return user.is(Role.OFFICE_STAFF) && notice.officeId() != null && Objects.equals(notice.officeId(), user.officeId())
                    || user.is(Role.PRINCIPAL) && notice.schoolId() != null && Objects.equals(notice.schoolId(), user.schoolId());
        }

        /** The issuer, staff of the office that issued it, and leaders close a notice or send its reply back. */
        boolean reviews(Parties notice) {
            return user.is(Role.LEADER) || user.id() == notice.issuedBy() || issuingOffice(notice);
        }

        private boolean issuingOffice(Parties notice) {
            return user.is(Role.OFFICE_STAFF) && notice.issuerOfficeId() != null
                    && Objects.equals(notice.issuerOfficeId(), user.officeId());
        }
    }
}
