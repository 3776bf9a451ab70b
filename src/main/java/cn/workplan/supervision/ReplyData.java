package cn.workplan.supervision;

/**
 * The recipient's reply; {@code version} is the notice's version the form showed. The service checks it: the reply
 * must not be blank nor longer than {@value #MAX_LENGTH} characters.
 */
public record ReplyData(String reply, Long version) {

    public static final int MAX_LENGTH = 4000;

    public String replyText() {
        return reply == null ? "" : reply.strip();
    }
}
