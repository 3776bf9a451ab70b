package cn.workplan.system.backup.web;

import java.time.Clock;
import java.time.ZonedDateTime;

import cn.workplan.system.backup.DatabaseBackups;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据备份: the backups in the backup directory, a backup taken now, and how to restore one. */
@Controller
@RequestMapping("/admin/backups")
@PreAuthorize("hasRole('ADMIN')")
class BackupsController {

    private static final Logger log = LoggerFactory.getLogger(BackupsController.class);

    private final DatabaseBackups backups;
    private final Clock clock;

    BackupsController(DatabaseBackups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("backups", backups.list());
        model.addAttribute("daily", backups.daily());
        // the schedule as people read it: the next time it runs, in the bureau's time zone (the clock's)
        model.addAttribute("next", backups.daily() ? CronExpression.parse(backups.settings().cron()).next(ZonedDateTime.now(clock)) : null);
        model.addAttribute("settings", backups.settings());
        model.addAttribute("directory", backups.settings().directory().toAbsolutePath());
        return "backup/backups";
    }

    @PostMapping
    String backUpNow(Authentication user, RedirectAttributes flash) {
        try {
            var file = backups.backUp();
            log.info("{} took a backup of the database: {}", user.getName(), file);
            flash.addFlashAttribute("message", "backup.taken");
            flash.addFlashAttribute("messageArgs", new Object[] {file.getFileName().toString()});
        } catch (IllegalStateException e) {
            log.error("{} asked for a backup, which failed", user.getName(), e);
            flash.addFlashAttribute("error", "backup.failed");
        }
        return "redirect:/admin/backups";
    }
}
