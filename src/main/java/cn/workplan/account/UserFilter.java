package cn.workplan.account;

/**
 * How the account list is filtered; every part optional.
 *
 * @param q        part of a login or name
 * @param role     one role
 * @param officeId one office's staff
 * @param schoolId one school's principals
 */
public record UserFilter(String q, Role role, Long officeId, Long schoolId) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null);
    }
}
