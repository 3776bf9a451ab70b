-- An imported excerpt of a plan (from chapter 二, item 3 on) keeps the numbers it was printed with: the outline is
-- numbered from these instead of 一 and 1 (issue #13). Every other plan starts at 1.
alter table plan
    add column first_chapter integer not null default 1,
    add column first_item    integer not null default 1,
    add constraint plan_first_chapter_ck check (first_chapter between 1 and 99),
    add constraint plan_first_item_ck check (first_item between 1 and 999);
