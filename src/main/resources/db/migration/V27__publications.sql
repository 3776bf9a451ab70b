-- The public page of a published plan (政务公开, issue #16): opt-in per plan, with the metadata block of a government
-- information disclosure page and the figures the bureau chooses to show. Nothing else of the plan is public.

create table publication (
    plan_id        bigint       primary key references plan (id) on delete cascade,
    index_number   varchar(60)  not null default '',
    publisher      varchar(100) not null default '',
    subject        varchar(60)  not null default '',
    show_progress  boolean      not null default false,
    public         boolean      not null,
    first_public_at timestamptz,
    withdrawn_at   timestamptz,
    updated_at     timestamptz  not null default now(),
    updated_by     varchar(40)  not null,
    version        bigint       not null default 0,
    constraint publication_withdrawn_ck check (not (public and withdrawn_at is not null))
);
comment on table publication is 'A plan on the bureau''s public page: only while public, and only for a published or closed plan';
comment on column publication.index_number is '索引号 of the government information disclosure page';
comment on column publication.publisher is '发布机构, the issuing body as the disclosure page names it';
comment on column publication.subject is '主题分类';
comment on column publication.show_progress is 'Whether the page shows the quarterly progress table by chapter (counts and percentages only)';
create index publication_public_idx on publication (plan_id) where public;
