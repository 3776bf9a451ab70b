package cn.workplan.org;

/** An office as screens show it. */
public record OfficeView(
        long id,
        String name,
        String shortName,
        Long headUserId,
        String headName,
        Long leaderUserId,
        String leaderName,
        int displayOrder,
        boolean coordinator,
        boolean active,
        long version) {

    public OfficeData toData() {
        return new OfficeData(name, shortName, headUserId, leaderUserId, displayOrder, coordinator, version);
    }
}
