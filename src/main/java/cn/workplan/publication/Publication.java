package cn.workplan.publication;

import java.time.Instant;

/**
 * A plan's public page as the general office sees it.
 *
 * @param isPublic      whether the page is public now
 * @param firstPublicAt when it was first made public; {@code withdrawnAt} when it was last taken off
 * @param exists        whether the plan was ever made public (the settings are then the ones saved)
 */
public record Publication(long planId, String indexNumber, String publisher, String subject, boolean showProgress, boolean isPublic,
        Instant firstPublicAt, Instant withdrawnAt, Instant updatedAt, String updatedBy, long version, boolean exists) {

    public PublicationSettings toSettings() {
        return new PublicationSettings(indexNumber, publisher, subject, showProgress, exists ? version : null);
    }
}
