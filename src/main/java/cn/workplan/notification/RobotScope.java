package cn.workplan.notification;

/** Whose group a robot posts to: the whole bureau's, an office's or a school's. */
public enum RobotScope {
    BUREAU, OFFICE, SCHOOL;

    public String messageKey() {
        return "robot.scope." + name();
    }
}
