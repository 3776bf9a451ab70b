package cn.workplan.org.web;

import jakarta.validation.Valid;

import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.org.PersonDirectory;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages for offices: list, create, edit, deactivate. */
@Controller
@RequestMapping("/admin/offices")
@PreAuthorize("hasRole('ADMIN')")
class OfficeController {

    private final OfficeService offices;
    private final PersonDirectory people;
    private final FormTokens tokens;

    OfficeController(OfficeService offices, PersonDirectory people, FormTokens tokens) {
        this.tokens = tokens;
        this.offices = offices;
        this.people = people;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("offices", offices.list());
        return "org/offices";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, OfficeData.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("office") OfficeData office, BindingResult result,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/admin/offices", () -> {
                    offices.create(office);
                    return "/admin/offices";
                }).redirect(flash, "office.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return form(model, office, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, offices.get(id).toData(), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("office") OfficeData office, BindingResult result,
            Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                offices.update(id, office);
                flash.addFlashAttribute("message", "office.updated");
                return "redirect:/admin/offices";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("error.staleEdit");
                model.addAttribute("current", offices.get(id));
            }
        }
        return form(model, office, id);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        offices.setActive(id, active);
        flash.addFlashAttribute("message", active ? "office.activated" : "office.deactivated");
        return "redirect:/admin/offices";
    }

    private String form(Model model, OfficeData office, Long id) {
        // a form sent back keeps the bound object: adding another one would drop its BindingResult,
        // and with it the messages of fields that could not be converted
        if (!model.containsAttribute("office")) {
            model.addAttribute("office", office);
        }
        model.addAttribute("officeId", id);
        model.addAttribute("leaders", people.leaders());
        model.addAttribute("staff", id == null ? java.util.List.of() : people.staffOf(id));
        return "org/office-form";
    }
}
