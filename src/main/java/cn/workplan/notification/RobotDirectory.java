package cn.workplan.notification;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which group robot a person's messages go to: their office's, else their school's, else the bureau's (a bureau with
 * one group for everybody sets only that one). The robots are a few dozen rows at most, read whole.
 */
@Component
class RobotDirectory {

    /** A robot and the group it posts to. */
    record Place(long id, RobotScope scope, Long officeId, Long schoolId) {
    }

    /** The robots known now, in one statement. */
    record Robots(List<Place> places) {

        boolean isEmpty() {
            return places.isEmpty();
        }

        /** The robot of a person of this office or school (either may be null); null when none. */
        Long robotFor(Long officeId, Long schoolId) {
            Long bureau = null;
            for (var place : places) {
                switch (place.scope()) {
                    case OFFICE -> {
                        if (place.officeId().equals(officeId)) {
                            return place.id();
                        }
                    }
                    case SCHOOL -> {
                        if (place.schoolId().equals(schoolId)) {
                            return place.id();
                        }
                    }
                    case BUREAU -> bureau = place.id();
                }
            }
            return bureau;
        }
    }

    private final JdbcClient jdbc;

    RobotDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Robots robots() {
        return new Robots(jdbc.sql("select id, scope, office_id, school_id from notification_robot order by id")
                .query(Place.class).list());
    }
}
