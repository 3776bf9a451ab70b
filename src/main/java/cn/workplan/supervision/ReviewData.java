package cn.workplan.supervision;

/**
 * The issuer's answer to a reply: closing the notice (a comment is optional) or sending the reply back (a comment
 * is required). {@code version} is the notice's version the page showed, so that nobody closes a reply they have
 * not read. The service checks the comment: at most {@value #MAX_LENGTH} characters.
 */
public record ReviewData(String comment, Long version) {

    public static final int MAX_LENGTH = 1000;

    public String commentText() {
        return comment == null ? "" : comment.strip();
    }
}
