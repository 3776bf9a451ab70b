package cn.workplan.publication;

import jakarta.validation.constraints.Size;

/**
 * What the general office chooses for a plan's public page: the metadata block of the disclosure page (索引号, 发布机构,
 * 主题分类) and whether to show the quarterly progress table. {@code version} is the one the form was opened with
 * ({@code null} before the plan was ever public).
 */
public record PublicationSettings(
        @Size(max = 60) String indexNumber,
        @Size(max = 100) String publisher,
        @Size(max = 60) String subject,
        Boolean showProgress,
        Long version) {

    public boolean progress() {
        return Boolean.TRUE.equals(showProgress);
    }
}
