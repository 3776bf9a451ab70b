package cn.workplan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.workplan.support.JdbcSliceTest;

/** The yearly counter behind notice numbers, on its own table: one after the other, anew each year, none lost or doubled. */
@JdbcSliceTest
@Import(NoticeNumbers.class)
class NoticeNumbersTest {

    @Autowired
    NoticeNumbers numbers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void numbersFollowOnWithinAYearAndStartAtOneInEachYear() {
        assertThat(numbers.next(2031)).isEqualTo(1);
        assertThat(numbers.next(2031)).isEqualTo(2);
        assertThat(numbers.next(2032)).isEqualTo(1);
        assertThat(numbers.next(2031)).isEqualTo(3);
        assertThat(jdbc.sql("select last_number from notice_number where year = 2031").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void onlyInTheTransactionThatIssuesTheNotice() {
        assertThatThrownBy(() -> numbers.next(2033)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aNumberRolledBackIsGivenAgainAndAConcurrentIssuerWaitsForTheFirst() throws Exception {
        var transaction = new TransactionTemplate(transactions);
        try {
            Integer committed = transaction.execute(status -> numbers.next(2034));
            Integer rolledBack = transaction.execute(status -> {
                status.setRollbackOnly();
                return numbers.next(2034);
            });
            assertThat(committed).isEqualTo(1);
            assertThat(rolledBack).isEqualTo(2);
            var taken = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                int number = numbers.next(2034);
                taken.countDown();
                await(release);
                return number;
            }));
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            var second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> numbers.next(2034)));
            // the second is held by the first's lock on the year's row until the first commits
            Thread.sleep(300);
            assertThat(second).isNotDone();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        } finally {
            jdbc.sql("delete from notice_number where year = 2034").update();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
