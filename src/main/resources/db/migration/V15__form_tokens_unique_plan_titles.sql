-- One-time tokens of the forms that create something (system.FormTokens): the token is inserted in the transaction
-- that creates, with the page the creation led to, so that the same form sent again (Back, a double click) creates
-- nothing and leads there instead. Rows are deleted by a nightly job after workplan.form-tokens.keep.
create table form_token (
    token     uuid         primary key,
    actor     varchar(40)  not null,
    used_at   timestamptz  not null default now(),
    location  varchar(500)
);
create index form_token_used_idx on form_token (used_at);

-- One plan per year and title (an installation serves one bureau). Plans that share a year and a title already, from
-- a form sent twice before this rule, keep them but the first: each other one is told apart by its number, with the
-- change in the audit log.
with duplicate as (
    select id, title, '（重名 #' || id || '）' as suffix
    from (select id, title, row_number() over (partition by year, title order by id) as n from plan) numbered
    where n > 1
), renamed as (
    update plan p
    set title = left(d.title, 200 - length(d.suffix)) || d.suffix, version = p.version + 1, updated_at = now()
    from duplicate d
    where d.id = p.id
    returning p.id, d.title as old_title, p.title as new_title
)
insert into audit_event (actor, action, entity_type, entity_id, entity_label, changes)
select 'system', 'UPDATE', 'PLAN', id, new_title,
       jsonb_build_object('title', jsonb_build_object('from', old_title, 'to', new_title))
from renamed;

alter table plan add constraint plan_year_title_key unique (year, title);
