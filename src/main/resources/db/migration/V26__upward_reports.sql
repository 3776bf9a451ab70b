-- The upward report (贯彻落实上级工作要点情况报告, issue #16): a drafted report that follows an upper-level document's points
-- with the bureau's items that carry them out. One per plan, upper-level document and period (上半年 or 全年).

alter table summary add column upper_document_id bigint references upper_document (id);
comment on column summary.upper_document_id is 'The upper-level document an upward report (kind UPWARD) follows; null for the other kinds';

alter table summary drop constraint summary_kind_ck;
alter table summary add constraint summary_kind_ck check (kind in ('MONTHLY', 'QUARTERLY', 'MID_YEAR', 'YEAR_END', 'UPWARD'));
alter table summary add constraint summary_upper_ck check ((kind = 'UPWARD') = (upper_document_id is not null));

-- one draft per plan, kind and period (an upward report's first half and whole year start on the same day), and per
-- upper-level document for the upward report
drop index summary_plan_period_uq;
create unique index summary_plan_period_uq on summary (plan_id, kind, period_start, period_end, coalesce(upper_document_id, 0));
create index summary_upper_document_idx on summary (upper_document_id) where upper_document_id is not null;
