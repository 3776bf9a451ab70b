/**
 * The public page of a published plan (政务公开): the general office opts a published plan in
 * ({@link cn.workplan.publication.Publications}), with the metadata block of a government information disclosure page
 * (索引号, 发布机构, 主题分类) and, if the bureau chooses, a quarterly progress table by chapter; anyone may then read the
 * document as published, its dated amendments and the table, download it as Word or PDF, and find it on the index of the
 * bureau's public plans by year, without logging in ({@link cn.workplan.publication.PublicPlans}). Nothing else of the
 * plan is public: no draft, name, report or comment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public page")
package cn.workplan.publication;
