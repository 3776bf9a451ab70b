package cn.workplan.notification;

/** How a message of the outbox leaves: by e-mail, or to a group robot. */
public enum DeliveryChannel {
    EMAIL, ROBOT;

    public String messageKey() {
        return "delivery.channel." + name();
    }
}
