package cn.workplan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.org.OfficeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices are numbered 1, 2, 3 … anew every year, without a gap and without a number twice, also when several
 * people issue at the same moment or an issue fails.
 */
@IntegrationTest
class NoticeNumberingTest {

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    OfficeService offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeService notices;
    @Autowired
    NoticeNumbers numbers;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    NoticeFixture f;

    @BeforeEach
    void fixture() {
        f = new NoticeFixture(data, plans, offices, jdbc, notices, clock);
    }

    @Test
    void noticesOfAYearAreNumberedOneAfterTheOther() {
        long first = f.toLeadOffice();
        long second = f.toSchool(f.schoolA);
        assertThat(year(first)).isEqualTo(f.today().getYear());
        assertThat(year(second)).isEqualTo(f.today().getYear());
        assertThat(number(second)).isEqualTo(number(first) + 1);
    }

    @Test
    void everyYearStartsAtOne() {
        assertThat(next(2091)).isEqualTo(1);
        assertThat(next(2091)).isEqualTo(2);
        assertThat(next(2092)).isEqualTo(1);
        assertThat(next(2091)).isEqualTo(3);
        assertThat(new SupervisionProperties("督导室", "督办").number(2091, 3)).isEqualTo("督办〔2091〕3号");
    }

    @Test
    void aNoticeThatIsNotSavedGivesItsNumberBack() {
        long before = f.toLeadOffice();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            f.toLeadOffice();
            status.setRollbackOnly();
        });
        long after = f.toLeadOffice();
        assertThat(number(after)).isEqualTo(number(before) + 1);
    }

    /**
     * The first issuer takes its number and holds its transaction open while the second starts issuing: the second
     * waits for the year's counter, then takes the next number.
     */
    @Test
    void twoIssuingAtOnceGetConsecutiveNumbers() throws Exception {
        var firstNumbered = new CountDownLatch(1);
        var secondStarted = new CountDownLatch(1);
        var firstCommitsAt = new AtomicLong();
        var secondNumberedAt = new AtomicLong();
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                long issued = f.toLeadOffice();
                firstNumbered.countDown();
                await(secondStarted);
                pause(300);
                firstCommitsAt.set(System.nanoTime());
                return issued;
            }));
            Future<Long> second = pool.submit(() -> {
                await(firstNumbered);
                secondStarted.countDown();
                long issued = f.toSchool(f.schoolB);
                secondNumberedAt.set(System.nanoTime());
                return issued;
            });
            long firstId = first.get(30, TimeUnit.SECONDS);
            long secondId = second.get(30, TimeUnit.SECONDS);
            assertThat(secondNumberedAt.get()).as("the second issuer waited for the first to commit")
                    .isGreaterThan(firstCommitsAt.get());
            assertThat(number(secondId)).isEqualTo(number(firstId) + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyIssuingAtOnceGetDistinctNumbersWithoutGaps() throws Exception {
        int issuers = 6;
        var start = new CountDownLatch(1);
        var ids = new ArrayList<Future<Long>>();
        var pool = Executors.newFixedThreadPool(issuers);
        try {
            for (int i = 0; i < issuers; i++) {
                long school = i % 2 == 0 ? f.schoolA : f.schoolB;
                ids.add(pool.submit(() -> {
                    await(start);
                    return f.toSchool(school);
                }));
            }
            start.countDown();
            var numbers = new ArrayList<Integer>();
            for (var id : ids) {
                numbers.add(number(id.get(30, TimeUnit.SECONDS)));
            }
            int lowest = numbers.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(lowest, lowest + issuers).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private int next(int year) {
        return new TransactionTemplate(transactions).execute(status -> numbers.next(year));
    }

    private int number(long noticeId) {
        return jdbc.sql("select number from notice where id = :id").param("id", noticeId).query(Integer.class).single();
    }

    private int year(long noticeId) {
        return jdbc.sql("select year from notice where id = :id").param("id", noticeId).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
