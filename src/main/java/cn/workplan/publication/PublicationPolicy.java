package cn.workplan.publication;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.PlanPermissions;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who decides what goes on the public page: the general office (who publishes plans) and administrators. Everyone else,
 * leaders included, reads the public page like the public does. Templates ask {@code @publicationPolicy.manages(...)}.
 */
@Component
public class PublicationPolicy {

    public boolean manages(CurrentUser user) {
        return PlanPermissions.arranges(user);
    }

    void checkManages(CurrentUser user) {
        if (!manages(user)) {
            throw new AccessDeniedException("not allowed: manage the public page");
        }
    }
}
