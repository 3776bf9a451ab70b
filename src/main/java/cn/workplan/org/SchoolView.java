package cn.workplan.org;

import java.util.List;

/** A school as screens show it, with the names of its principals' accounts. */
public record SchoolView(
        long id,
        String name,
        SchoolKind kind,
        String township,
        Integer enrolment,
        boolean active,
        long version,
        List<String> principals) {

    public SchoolData toData() {
        return new SchoolData(name, kind, township, enrolment, version);
    }
}
