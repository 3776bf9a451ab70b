package cn.workplan.org.web;

import java.io.IOException;
import java.util.List;

import jakarta.validation.Valid;

import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolImport;
import cn.workplan.org.SchoolKind;
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

/** The administrators' pages for schools: list, create, edit, deactivate, and bulk import. */
@Controller
@RequestMapping("/admin/schools")
@PreAuthorize("hasRole('ADMIN')")
class SchoolController {

    private static final String IMPORT_KIND = "schools";

    private final SchoolService schools;
    private final SchoolImport schoolImport;
    private final PendingImports pending;
    private final FormTokens tokens;

    SchoolController(SchoolService schools, SchoolImport schoolImport, PendingImports pending, FormTokens tokens) {
        this.tokens = tokens;
        this.schools = schools;
        this.schoolImport = schoolImport;
        this.pending = pending;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("schools", schools.list());
        return "org/schools";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, SchoolData.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("school") SchoolData school, BindingResult result,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/admin/schools", () -> {
                    schools.create(school);
                    return "/admin/schools";
                }).redirect(flash, "school.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return form(model, school, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, schools.get(id).toData(), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("school") SchoolData school, BindingResult result,
            Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                schools.update(id, school);
                flash.addFlashAttribute("message", "school.updated");
                return "redirect:/admin/schools";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("error.staleEdit");
                model.addAttribute("current", schools.get(id));
            }
        }
        return form(model, school, id);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        schools.setActive(id, active);
        flash.addFlashAttribute("message", active ? "school.activated" : "school.deactivated");
        return "redirect:/admin/schools";
    }

    @GetMapping("/import")
    String importForm() {
        return "org/school-import";
    }

    @PostMapping("/import")
    String importPreview(@RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal(expression = "id()") long adminId, Model model) throws IOException {
        try {
            var preview = schoolImport.preview(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            model.addAttribute("preview", preview);
            if (!preview.hasErrors()) {
                model.addAttribute("token", pending.hold(adminId, IMPORT_KIND, preview.values()));
            }
        } catch (TableFileException e) {
            model.addAttribute("fileError", e);
        }
        return "org/school-import";
    }

    @PostMapping("/import/confirm")
    String importConfirm(@RequestParam String token, @AuthenticationPrincipal(expression = "id()") long adminId,
            RedirectAttributes flash) {
        return pending.confirm(adminId, IMPORT_KIND, token, SchoolData.class, schools::createAll, "school.imported", flash);
    }

    @GetMapping("/import/template.xlsx")
    ResponseEntity<byte[]> importTemplate() {
        return TableTemplate.download("学校导入模板.xlsx", "学校", SchoolImport.COLUMNS, List.of(
                List.of("城关镇第一小学", "小学", "城关镇"),
                List.of("城关镇中心幼儿园", "幼儿园", "城关镇")));
    }

    private String form(Model model, SchoolData school, Long id) {
        // a form sent back keeps the bound object: adding another one would drop its BindingResult,
        // and with it the messages of fields that could not be converted
        if (!model.containsAttribute("school")) {
            model.addAttribute("school", school);
        }
        model.addAttribute("schoolId", id);
        model.addAttribute("kinds", SchoolKind.values());
        model.addAttribute("townships", schools.townships());
        return "org/school-form";
    }
}
