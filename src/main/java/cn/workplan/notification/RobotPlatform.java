package cn.workplan.notification;

import java.net.URI;

/**
 * The platforms whose group robots Workplan posts to. Each robot's webhook is the platform's address with the robot's
 * own token as the one query parameter ({@link #tokenParameter()}).
 */
public enum RobotPlatform {

    /** 企业微信: {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}. */
    WECOM("key"),
    /** 钉钉: {@code https://oapi.dingtalk.com/robot/send?access_token=…}, optionally signed (加签). */
    DINGTALK("access_token");

    private final String tokenParameter;

    RobotPlatform(String tokenParameter) {
        this.tokenParameter = tokenParameter;
    }

    public String tokenParameter() {
        return tokenParameter;
    }

    /** The platform's webhook address as configured. */
    URI address(NotificationProperties.Robots robots) {
        return this == WECOM ? robots.wecomAddress() : robots.dingtalkAddress();
    }

    public String messageKey() {
        return "robot.platform." + name();
    }
}
