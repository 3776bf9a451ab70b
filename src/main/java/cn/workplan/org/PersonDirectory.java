package cn.workplan.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the directory needs to know about people. Offices name their head and the deputy director in
 * charge, schools list their principals; the accounts module implements this, so that the directory
 * does not depend on it.
 */
public interface PersonDirectory {

    /** Display names of the given accounts; unknown ids are left out. */
    Map<Long, String> names(Collection<Long> userIds);

    /** Active bureau leaders, candidates for 分管局领导. */
    List<Person> leaders();

    /** Active staff of one office, candidates for its head. */
    List<Person> staffOf(long officeId);

    /** Display names of the principals' accounts per school id. */
    Map<Long, List<String>> principalsBySchool();

    record Person(long id, String name) {
    }
}
