package cn.workplan.channel;

import java.util.Arrays;

import cn.workplan.audit.AuditVocabulary;
import cn.workplan.notification.NotificationCategory;
import cn.workplan.notification.RobotPlatform;
import cn.workplan.notification.RobotScope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows the channels' changes: robots, messages sent again, a person's choices. */
@Configuration(proxyBeanMethods = false)
class ChannelAuditVocabulary {

    @Bean
    AuditVocabulary robotAuditWords() {
        return AuditVocabulary.of(ChannelSettings.ROBOT_TYPE, "audit.type.NOTIFICATION_ROBOT")
                .coded("scope", RobotScope.class, RobotScope::messageKey)
                .coded("platform", RobotPlatform.class, RobotPlatform::messageKey)
                .field("scope", "robot.scope")
                .field("platform", "robot.platform")
                .field("webhook", "robot.webhook")
                .field("signed", "robot.signed")
                .field("place", "robot.place");
    }

    @Bean
    AuditVocabulary deliveryAuditWords() {
        return AuditVocabulary.of(ChannelSettings.DELIVERY_TYPE, "audit.type.NOTIFICATION_DELIVERY")
                .coded("state", code -> "delivery.state." + code)
                .field("state", "delivery.state")
                .field("attempts", "delivery.attempts");
    }

    @Bean
    AuditVocabulary settingsAuditWords() {
        var words = AuditVocabulary.of(ChannelSettings.SETTINGS_TYPE, "audit.type.NOTIFICATION_SETTINGS");
        Arrays.stream(NotificationCategory.values()).forEach(category -> words.field(category.name(), category.messageKey())
                .coded(category.name(), code -> "notification.route." + code));
        return words.field("DIGEST", "notification.settings.digestTo").coded("DIGEST", code -> "notification.route." + code);
    }
}
