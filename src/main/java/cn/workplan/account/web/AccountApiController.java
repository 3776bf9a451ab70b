package cn.workplan.account.web;

import cn.workplan.account.AccountService;
import cn.workplan.account.CurrentUser;
import cn.workplan.account.UserView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling: lets a script check its credentials and scope. */
@RestController
class AccountApiController {

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    UserView me(@AuthenticationPrincipal CurrentUser user) {
        return accounts.get(user.id());
    }
}
