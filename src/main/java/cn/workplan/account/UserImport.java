package cn.workplan.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.system.table.ImportPreview;
import cn.workplan.system.table.ImportSlots;
import cn.workplan.system.table.ImportPreview.Problem;
import cn.workplan.system.table.TableColumn;
import cn.workplan.system.table.TableFileException;
import cn.workplan.system.table.TableReader;

import org.springframework.stereotype.Service;

/**
 * Reads a table of accounts (姓名 / 登录名 / 角色 / 所属股室 / 所属学校 / 手机 / 邮箱 / 初始密码) and checks
 * every row before anything is saved. Offices are matched by name or short name, schools by name.
 */
@Service
public class UserImport {

    public static final List<TableColumn> COLUMNS = List.of(
            TableColumn.required("displayName", "姓名"),
            TableColumn.required("username", "登录名", "账号", "用户名"),
            TableColumn.required("role", "角色"),
            TableColumn.optional("office", "所属股室", "股室", "科室"),
            TableColumn.optional("school", "所属学校", "学校"),
            TableColumn.optional("phone", "手机", "手机号", "电话"),
            TableColumn.optional("email", "邮箱", "电子邮箱"),
            TableColumn.optional("password", "初始密码", "密码"));

    private static final Map<String, Role> ROLE_NAMES = Map.ofEntries(
            Map.entry("管理员", Role.ADMIN), Map.entry("系统管理员", Role.ADMIN),
            Map.entry("局领导", Role.LEADER), Map.entry("局长", Role.LEADER), Map.entry("副局长", Role.LEADER),
            Map.entry("股室人员", Role.OFFICE_STAFF), Map.entry("科室人员", Role.OFFICE_STAFF),
            Map.entry("校长", Role.PRINCIPAL), Map.entry("园长", Role.PRINCIPAL), Map.entry("校长/园长", Role.PRINCIPAL),
            Map.entry("督学", Role.INSPECTOR));

    private final AccountService accounts;
    private final OfficeService offices;
    private final SchoolService schools;
    private final SecurityProperties security;
    private final ImportSlots slots;

    UserImport(
            AccountService accounts, OfficeService offices, SchoolService schools, SecurityProperties security,
            ImportSlots slots) {
        this.accounts = accounts;
        this.offices = offices;
        this.schools = schools;
        this.security = security;
        this.slots = slots;
    }

    /**
     * @param defaultPassword the initial password of rows that give none
     */
    public ImportPreview<UserData> preview(String fileName, byte[] content, String defaultPassword) throws TableFileException {
        var rows = slots.read(() -> TableReader.read(fileName, content, COLUMNS), () -> new TableFileException("import.error.busy"));
        var taken = new HashSet<>(accounts.existingLogins(rows.stream().map(row -> row.get("username")).toList()));
        var officeIds = new HashMap<String, Long>();
        offices.list().stream().filter(office -> office.active()).forEach(office -> {
            officeIds.put(office.name(), office.id());
            officeIds.put(office.shortName(), office.id());
        });
        var schoolIds = new HashMap<String, Long>();
        schools.options().forEach(school -> schoolIds.put(school.name(), school.id()));
        var seen = new HashSet<String>();
        var lines = new ArrayList<ImportPreview.Line<UserData>>();
        for (var row : rows) {
            var problems = new ArrayList<Problem>();
            var displayName = row.get("displayName");
            var username = row.get("username");
            var role = role(row.get("role"));
            var password = row.get("password").isEmpty() ? defaultPassword : row.get("password");
            if (displayName.isEmpty()) {
                problems.add(new Problem("import.error.required", "姓名"));
            } else if (displayName.length() > 40) {
                problems.add(new Problem("import.error.tooLong", "姓名", 40));
            }
            if (username.isEmpty()) {
                problems.add(new Problem("import.error.required", "登录名"));
            } else if (!username.matches("[A-Za-z0-9_.@-]{2,40}")) {
                problems.add(new Problem("user.error.usernamePattern"));
            } else if (taken.contains(username.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem("user.error.duplicateUsername"));
            } else if (!seen.add(username.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem("import.error.duplicateInFile", username));
            }
            if (role.isEmpty()) {
                problems.add(new Problem("user.import.unknownRole", row.get("role")));
            }
            Long officeId = null;
            Long schoolId = null;
            if (role.orElse(null) == Role.OFFICE_STAFF) {
                officeId = officeIds.get(row.get("office"));
                if (officeId == null) {
                    problems.add(new Problem("user.import.unknownOffice", row.get("office")));
                }
            }
            if (role.orElse(null) == Role.PRINCIPAL) {
                schoolId = schoolIds.get(row.get("school"));
                if (schoolId == null) {
                    problems.add(new Problem("user.import.unknownSchool", row.get("school")));
                }
            }
            if (password == null || password.length() < security.minPasswordLength()) {
                problems.add(new Problem("password.error.tooShort", security.minPasswordLength()));
            } else if (AccountService.tooLong(password)) {
                problems.add(new Problem("password.error.tooLong", AccountService.MAX_PASSWORD_BYTES));
            } else if (password.equalsIgnoreCase(username)) {
                problems.add(new Problem("password.error.sameAsUsername"));
            }
            if (!row.get("email").isEmpty() && !row.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(new Problem("user.import.badEmail", row.get("email")));
            }
            if (!row.get("phone").isEmpty() && !row.get("phone").matches("[0-9+\\- ]{5,30}")) {
                problems.add(new Problem("user.error.phonePattern"));
            }
            var value = problems.isEmpty()
                    ? new UserData(username, password, displayName, role.get(), officeId, schoolId,
                            row.get("email"), row.get("phone"), null)
                    : null;
            lines.add(new ImportPreview.Line<>(row.line(), List.of(displayName, username, row.get("role"),
                    row.get("office"), row.get("school"), row.get("phone"), row.get("email")), value, problems));
        }
        var headers = COLUMNS.stream().limit(7).map(TableColumn::header).toList();
        return new ImportPreview<>(fileName, headers, lines);
    }

    private static Optional<Role> role(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var known = ROLE_NAMES.get(text);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            return Optional.of(Role.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
