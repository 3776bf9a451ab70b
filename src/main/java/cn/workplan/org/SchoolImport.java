package cn.workplan.org;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.workplan.system.table.ImportPreview;
import cn.workplan.system.table.ImportSlots;
import cn.workplan.system.table.ImportPreview.Problem;
import cn.workplan.system.table.TableColumn;
import cn.workplan.system.table.TableFileException;
import cn.workplan.system.table.TableReader;

import org.springframework.stereotype.Service;

/**
 * Reads a table of schools (学校名称 / 学校类型 / 所属乡镇, and optionally 在校生数) and checks every row before
 * anything is saved.
 */
@Service
public class SchoolImport {

    public static final List<TableColumn> COLUMNS = List.of(
            TableColumn.required("name", "学校名称", "名称", "学校", "单位名称"),
            TableColumn.required("kind", "学校类型", "类型", "学段", "办学类型"),
            TableColumn.required("township", "所属乡镇", "乡镇", "乡镇(街道)", "所在乡镇"),
            TableColumn.optional("enrolment", "在校生数", "在校生", "学生数", "在校学生数"));

    private final SchoolService schools;
    private final ImportSlots slots;

    SchoolImport(SchoolService schools, ImportSlots slots) {
        this.schools = schools;
        this.slots = slots;
    }

    public ImportPreview<SchoolData> preview(String fileName, byte[] content) throws TableFileException {
        var rows = slots.read(() -> TableReader.read(fileName, content, COLUMNS), () -> new TableFileException("import.error.busy"));
        var existing = new HashSet<>(schools.existingNames(rows.stream().map(row -> row.get("name")).toList()));
        var seen = new HashSet<String>();
        var lines = new ArrayList<ImportPreview.Line<SchoolData>>();
        for (var row : rows) {
            var problems = new ArrayList<Problem>();
            var name = row.get("name");
            var township = row.get("township");
            var kind = SchoolKind.parse(row.get("kind"));
            if (name.isEmpty()) {
                problems.add(new Problem("import.error.required", "学校名称"));
            } else if (name.length() > 80) {
                problems.add(new Problem("import.error.tooLong", "学校名称", 80));
            } else if (existing.contains(name)) {
                problems.add(new Problem("school.error.duplicateName"));
            } else if (!seen.add(name)) {
                problems.add(new Problem("import.error.duplicateInFile", name));
            }
            if (kind.isEmpty()) {
                problems.add(new Problem("school.import.unknownKind", row.get("kind")));
            }
            if (township.isEmpty()) {
                problems.add(new Problem("import.error.required", "所属乡镇"));
            } else if (township.length() > 40) {
                problems.add(new Problem("import.error.tooLong", "所属乡镇", 40));
            }
            var enrolmentText = row.get("enrolment");
            Integer enrolment = null;
            if (!enrolmentText.isEmpty()) {
                enrolment = enrolment(enrolmentText);
                if (enrolment == null) {
                    problems.add(new Problem("school.import.badEnrolment", enrolmentText, SchoolData.MAX_ENROLMENT));
                }
            }
            var value = problems.isEmpty() ? new SchoolData(name, kind.get(), township, enrolment, null) : null;
            lines.add(new ImportPreview.Line<>(row.line(), List.of(name, row.get("kind"), township, enrolmentText), value, problems));
        }
        return new ImportPreview<>(fileName, COLUMNS.stream().map(TableColumn::header).toList(), lines);
    }

    /** A whole number of pupils from 0 to the maximum ("1,250" and "1250.0" as spreadsheets write them), else null. */
    static Integer enrolment(String text) {
        try {
            var number = new java.math.BigDecimal(text.replace(",", "").replace("，", "").strip());
            if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0 || number.compareTo(java.math.BigDecimal.valueOf(SchoolData.MAX_ENROLMENT)) > 0) {
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
