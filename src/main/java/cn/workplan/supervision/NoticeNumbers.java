package cn.workplan.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers notices per year: 1, 2, 3 … anew every year. The year's counter row is updated (and so locked) in the
 * transaction that issues the notice: a concurrent issuer waits for it and takes the next number, and a notice
 * that is rolled back gives its number back. Numbers are unique and without gaps.
 */
@Component
class NoticeNumbers {

    private final JdbcClient jdbc;

    NoticeNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(int year) {
        return jdbc.sql("""
                insert into notice_number (year, last_number) values (:year, 1)
                on conflict (year) do update set last_number = notice_number.last_number + 1
                returning last_number""")
                .param("year", year)
                .query(Integer.class).single();
    }
}
