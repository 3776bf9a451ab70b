package cn.workplan.account;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A new production database has no accounts. When {@code workplan.initial-admin.password} is set
 * (environment variable {@code WORKPLAN_INITIAL_ADMIN_PASSWORD}) and no account exists yet, this creates
 * the administrator {@code admin} with that password once; later starts change nothing.
 */
@Slf4j
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdministrator implements ApplicationRunner {

    private final AccountService accounts;
    private final String password;

    InitialAdministrator(AccountService accounts, @Value("${workplan.initial-admin.password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(password) || accounts.countAll() > 0) {
            return;
        }
        try {
            accounts.create(new UserData("admin", password, "系统管理员", Role.ADMIN, null, null, "", "", null));
        } catch (InvalidInputException | DataIntegrityViolationException e) {
            // two instances started on a new database at once: the other one created it a moment ago
            log.info("The initial administrator 'admin' was created by another instance");
            return;
        }
        log.warn("Created the initial administrator 'admin' from workplan.initial-admin.password: change its password now");
    }
}
