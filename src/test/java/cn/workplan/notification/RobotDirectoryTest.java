package cn.workplan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.workplan.support.JdbcSliceTest;

/** Which group robot a person's messages go to, read from the robots' table: the office's, else the school's, else the bureau's. */
@JdbcSliceTest
@Import(RobotDirectory.class)
class RobotDirectoryTest {

    @Autowired
    RobotDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noRobotsNoGroup() {
        var robots = directory.robots();

        assertThat(robots.isEmpty()).isTrue();
        assertThat(robots.robotFor(1L, null)).isNull();
    }

    @Test
    void theOfficeOrSchoolRobotBeforeTheBureaus() {
        long office = office("办公室");
        long otherOffice = office("基础教育股");
        long school = school("城关镇第一小学");
        long otherSchool = school("城关镇第二小学");
        long bureau = robot("BUREAU", null, null);
        long ofOffice = robot("OFFICE", office, null);
        long ofSchool = robot("SCHOOL", null, school);

        var robots = directory.robots();

        assertThat(robots.isEmpty()).isFalse();
        assertThat(robots.places()).extracting(RobotDirectory.Place::id, RobotDirectory.Place::scope,
                        RobotDirectory.Place::officeId, RobotDirectory.Place::schoolId)
                .containsExactly(tuple(bureau, RobotScope.BUREAU, null, null),
                        tuple(ofOffice, RobotScope.OFFICE, office, null),
                        tuple(ofSchool, RobotScope.SCHOOL, null, school));
        assertThat(robots.robotFor(office, null)).isEqualTo(ofOffice);
        assertThat(robots.robotFor(null, school)).isEqualTo(ofSchool);
        assertThat(robots.robotFor(otherOffice, null)).isEqualTo(bureau);
        assertThat(robots.robotFor(null, otherSchool)).isEqualTo(bureau);
        assertThat(robots.robotFor(null, null)).isEqualTo(bureau);
    }

    @Test
    void withoutABureauRobotOthersHaveNone() {
        long office = office("教研室");
        long ofOffice = robot("OFFICE", office, null);

        var robots = directory.robots();

        assertThat(robots.robotFor(office, null)).isEqualTo(ofOffice);
        assertThat(robots.robotFor(office + 1, null)).isNull();
        assertThat(robots.robotFor(null, 1L)).isNull();
    }

    private long office(String name) {
        return jdbc.sql("insert into office (name, short_name) values (:name, :name) returning id")
                .param("name", name).query(Long.class).single();
    }

    private long school(String name) {
        return jdbc.sql("insert into school (name, kind, township) values (:name, 'PRIMARY', '城关镇') returning id")
                .param("name", name).query(Long.class).single();
    }

    private long robot(String scope, Long office, Long school) {
        return jdbc.sql("""
                insert into notification_robot (scope, office_id, school_id, platform, webhook)
                values (:scope, :office, :school, 'WECOM', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=slice') returning id""")
                .param("scope", scope).param("office", office).param("school", school).query(Long.class).single();
    }
}
