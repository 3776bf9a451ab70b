package cn.workplan.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.TargetData;

/** A task item as a test writes it: a headline and only the details the test cares about. */
public final class ItemSpec {

    private String headline;
    private String body = "";
    private Long leadOfficeId;
    private List<Long> cooperatingOfficeIds = new ArrayList<>();
    private List<Long> schoolIds = new ArrayList<>();
    private List<TargetData> targets = new ArrayList<>();
    private DeadlineKind deadlineKind;
    private LocalDate deadlineDate;
    private Integer deadlineMonth;
    private Integer deadlineQuarter;
    private String q1 = "";
    private String q2 = "";
    private String q3 = "";
    private String q4 = "";
    private boolean keyItem;
    private String tags = "";
    private String reason;
    private Long version;

    private ItemSpec(String headline) {
        this.headline = headline;
    }

    public static ItemSpec item(String headline) {
        return new ItemSpec(headline);
    }

    /** Starts from an item's saved details, as its edit form does. */
    public static ItemSpec of(ItemData data) {
        var spec = new ItemSpec(data.headline());
        spec.body = data.body();
        spec.leadOfficeId = data.leadOfficeId();
        spec.cooperatingOfficeIds = new ArrayList<>(data.cooperatingOfficeIds());
        spec.schoolIds = new ArrayList<>(data.schoolIds());
        spec.targets = new ArrayList<>(data.targets());
        spec.deadlineKind = data.deadlineKind();
        spec.deadlineDate = data.deadlineDate();
        spec.deadlineMonth = data.deadlineMonth();
        spec.deadlineQuarter = data.deadlineQuarter();
        spec.q1 = data.q1();
        spec.q2 = data.q2();
        spec.q3 = data.q3();
        spec.q4 = data.q4();
        spec.keyItem = data.isKey();
        spec.tags = data.tags();
        spec.reason = data.reason();
        spec.version = data.version();
        return spec;
    }

    public ItemSpec headline(String headline) {
        this.headline = headline;
        return this;
    }

    public ItemSpec body(String body) {
        this.body = body;
        return this;
    }

    public ItemSpec lead(Long officeId) {
        this.leadOfficeId = officeId;
        return this;
    }

    public ItemSpec cooperating(Long... officeIds) {
        this.cooperatingOfficeIds = new ArrayList<>(Arrays.asList(officeIds));
        return this;
    }

    public ItemSpec schools(Long... schoolIds) {
        this.schoolIds = new ArrayList<>(Arrays.asList(schoolIds));
        return this;
    }

    public ItemSpec target(String indicator, String comparator, String value, String unit) {
        this.targets.add(new TargetData(indicator, comparator, new java.math.BigDecimal(value), unit));
        return this;
    }

    public ItemSpec due(LocalDate date) {
        this.deadlineKind = DeadlineKind.DATE;
        this.deadlineDate = date;
        return this;
    }

    /** Due at the end of this month of the plan's year (e.g. 2月底). */
    public ItemSpec dueMonthEnd(int month) {
        this.deadlineKind = DeadlineKind.MONTH_END;
        this.deadlineMonth = month;
        return this;
    }

    /** Due at the end of this quarter of the plan's year (e.g. 第二季度末). */
    public ItemSpec dueQuarterEnd(int quarter) {
        this.deadlineKind = DeadlineKind.QUARTER_END;
        this.deadlineQuarter = quarter;
        return this;
    }

    /** Due by the end of the plan's year (年内完成). */
    public ItemSpec dueYearEnd() {
        this.deadlineKind = DeadlineKind.YEAR_END;
        return this;
    }

    public ItemSpec quarters(String q1, String q2, String q3, String q4) {
        this.q1 = q1;
        this.q2 = q2;
        this.q3 = q3;
        this.q4 = q4;
        return this;
    }

    public ItemSpec key() {
        this.keyItem = true;
        return this;
    }

    public ItemSpec tags(String tags) {
        this.tags = tags;
        return this;
    }

    public ItemSpec reason(String reason) {
        this.reason = reason;
        return this;
    }

    public ItemSpec version(Long version) {
        this.version = version;
        return this;
    }

    public ItemData data() {
        return new ItemData(headline, body, leadOfficeId, cooperatingOfficeIds, schoolIds, targets, deadlineKind,
                deadlineDate, deadlineMonth, deadlineQuarter, q1, q2, q3, q4, keyItem, tags, reason, version);
    }
}
