package cn.workplan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;

/**
 * The outbox forgets what it no longer needs, nightly: sent messages after a week, given-up ones after a month (long
 * enough for the administrator to send them again); nothing still waiting to be sent.
 */
@IntegrationTest
class OutboxCleanupTest {

    @Autowired
    Deliveries deliveries;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private long user;

    @Test
    void forgetsSentAfterAWeekAndGivenUpAfterAMonthButNeverWhatWaits() {
        clock.reset();
        user = data.idOf(data.user(Role.PRINCIPAL, null, data.school()));
        var now = Instant.now();
        long sentLongAgo = delivery(user, "SENT", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        long sentLately = delivery(user, "SENT", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        long givenUpLongAgo = delivery(user, "FAILED", now.minus(Duration.ofDays(31)), null);
        long givenUpLately = delivery(user, "FAILED", now.minus(Duration.ofDays(20)), null);
        long waitingLongAgo = delivery(user, "PENDING", now.minus(Duration.ofDays(40)), null);

        deliveries.forgetOldNightly();

        assertThat(jdbc.sql("select id from notification_delivery where user_id = :user order by id")
                .param("user", user).query(Long.class).list())
                .as("the week-old sent message and the month-old given-up one are forgotten")
                .isEqualTo(List.of(sentLately, givenUpLately, waitingLongAgo))
                .doesNotContain(sentLongAgo, givenUpLongAgo);
    }

    /** The rows this test wrote go: the outbox is shared with the other tests' senders, which send whatever is due. */
    @AfterEach
    void removeTheRowsOfThisTest() {
        jdbc.sql("delete from notification_delivery where user_id = :user").param("user", user).update();
    }

    /** A row of the outbox; one still waiting is due only tomorrow, so that no other test's sender picks it up. */
    private long delivery(long user, String state, Instant queued, Instant sent) {
        return jdbc.sql("""
                insert into notification_delivery (channel, user_id, content, state, next_attempt_at, queued_at, sent_at)
                values ('EMAIL', :user, cast('{"subject": "x", "text": "x"}' as jsonb), :state,
                        case when :state = 'PENDING' then now() + interval '1 day' else :queued end, :queued, :sent)
                returning id""")
                .param("user", user).param("state", state).param("queued", Timestamp.from(queued))
                .param("sent", sent == null ? null : Timestamp.from(sent)).query(Long.class).single();
    }
}
