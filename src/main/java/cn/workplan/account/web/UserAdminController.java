package cn.workplan.account.web;

import java.io.IOException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.workplan.account.AccountService;
import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.account.UserData;
import cn.workplan.account.UserFilter;
import cn.workplan.account.UserImport;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;
import cn.workplan.system.table.TableFileException;
import cn.workplan.system.table.TableTemplate;
import cn.workplan.system.web.PendingImports;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages for accounts: list, create, edit, deactivate, reset a password, bulk import. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private static final String IMPORT_KIND = "users";

    private final AccountService accounts;
    private final UserImport userImport;
    private final OfficeService offices;
    private final SchoolService schools;
    private final PendingImports pending;
    private final FormTokens tokens;

    UserAdminController(AccountService accounts, UserImport userImport, OfficeService offices, SchoolService schools,
            PendingImports pending, FormTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.userImport = userImport;
        this.offices = offices;
        this.schools = schools;
        this.pending = pending;
    }

    @GetMapping
    String list(@ModelAttribute("filter") UserFilter filter, Model model) {
        model.addAttribute("users", accounts.list(filter));
        model.addAttribute("roles", Role.values());
        model.addAttribute("offices", offices.options());
        model.addAttribute("schools", schools.options());
        return "account/users";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, UserData.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("user") UserData user, BindingResult result,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/admin/users", () -> {
                    accounts.create(user);
                    return "/admin/users";
                }).redirect(flash, "user.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return form(model, user, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, accounts.get(id).toData(), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("user") UserData user, BindingResult result, Model model,
            RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                accounts.update(id, user);
                flash.addFlashAttribute("message", "user.updated");
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("error.staleEdit");
                model.addAttribute("current", accounts.get(id));
            }
        }
        return form(model, user, id);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, @AuthenticationPrincipal CurrentUser admin,
            RedirectAttributes flash) {
        try {
            accounts.setActive(id, active, admin);
            flash.addFlashAttribute("message", active ? "user.activated" : "user.deactivated");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return "redirect:/admin/users";
    }

    record PasswordReset(@NotBlank @Size(max = 100) String newPassword) {
    }

    @GetMapping("/{id}/password")
    String resetForm(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("reset", new PasswordReset(""));
        return "account/password-reset";
    }

    @PostMapping("/{id}/password")
    String reset(@PathVariable long id, @Valid @ModelAttribute("reset") PasswordReset reset, BindingResult result,
            Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                accounts.resetPassword(id, reset.newPassword());
                flash.addFlashAttribute("message", "user.passwordReset");
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        model.addAttribute("account", accounts.get(id));
        return "account/password-reset";
    }

    @GetMapping("/import")
    String importForm() {
        return "account/user-import";
    }

    @PostMapping("/import")
    String importPreview(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String defaultPassword, @AuthenticationPrincipal CurrentUser admin, Model model)
            throws IOException {
        if (AccountService.tooLong(defaultPassword)) {
            model.addAttribute("defaultPasswordError", AccountService.MAX_PASSWORD_BYTES);
            return "account/user-import";
        }
        try {
            var preview = userImport.preview(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), defaultPassword);
            model.addAttribute("preview", preview);
            if (!preview.hasErrors()) {
                // held as hashes: the initial passwords never rest in the database in clear
                model.addAttribute("token", pending.hold(admin.id(), IMPORT_KIND, accounts.withEncodedPasswords(preview.values())));
            }
        } catch (TableFileException e) {
            model.addAttribute("fileError", e);
        }
        return "account/user-import";
    }

    @PostMapping("/import/confirm")
    String importConfirm(@RequestParam String token, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes flash) {
        return pending.confirm(admin.id(), IMPORT_KIND, token, UserData.class, accounts::createAllEncoded, "user.imported", flash);
    }

    @GetMapping("/import/template.xlsx")
    ResponseEntity<byte[]> importTemplate() {
        return TableTemplate.download("账号导入模板.xlsx", "账号", UserImport.COLUMNS, List.of(
                List.of("张伟", "zhangwei", "股室人员", "基础教育股", "", "13800000001", "", ""),
                List.of("李娜", "lina", "校长", "", "城关镇第一小学", "13800000002", "", "")));
    }

    private String form(Model model, UserData user, Long id) {
        // a form sent back keeps the bound object: adding another one would drop its BindingResult,
        // and with it the messages of fields that could not be converted
        if (!model.containsAttribute("user")) {
            model.addAttribute("user", user);
        }
        model.addAttribute("userId", id);
        model.addAttribute("roles", Role.values());
        model.addAttribute("offices", offices.options());
        model.addAttribute("schools", schools.options());
        return "account/user-form";
    }
}
