package cn.workplan.org;

/** An office or school offered in a select box. */
public record OrgOption(long id, String name) {
}
