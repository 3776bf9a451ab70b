-- Dashboards (issue #6): where each line of responsibility stands, kept on the line itself so that a plan's
-- dashboard reads its tens of thousands of lines in one pass instead of looking up each line's latest report.
-- Written in the same transaction as the report that changes it (sent, approved, returned); see LineStanding.

alter table assignment add column reported_period  date;
alter table assignment add column reported_percent smallint;
alter table assignment add column reported_done    boolean not null default false;
alter table assignment add column approved_percent smallint;

comment on column assignment.reported_period is 'The period of the line''s latest sent or approved report';
comment on column assignment.reported_percent is 'That report''s progress in percent';
comment on column assignment.reported_done is 'Whether that report says the work is done';
comment on column assignment.approved_percent is 'The progress of the line''s latest approved report';

update assignment a set reported_period = latest.period_start, reported_percent = latest.percent,
                        reported_done = latest.progress = 'DONE'
from (select distinct on (assignment_id) assignment_id, period_start, percent, progress
      from progress_report where state in ('SUBMITTED', 'APPROVED')
      order by assignment_id, period_start desc) latest
where latest.assignment_id = a.id;

update assignment a set approved_percent = approved.percent
from (select distinct on (assignment_id) assignment_id, percent
      from progress_report where state = 'APPROVED'
      order by assignment_id, period_start desc) approved
where approved.assignment_id = a.id;

-- the dashboard's open supervision notices of a plan
create index notice_plan_idx on notice (plan_id, state);

-- The dashboards read the standing of a plan's lines in one index-only pass.
create index assignment_standing_idx on assignment (plan_id)
    include (id, item_id, school_id, kind, deadline, reported_period, reported_percent, reported_done, approved_percent);

-- The latest actual value each line gave for each target of its item (from its latest sent or approved report),
-- kept with the line's standing: the dashboard's targets without looking up every line's latest report.
create table line_target_value (
    assignment_id bigint         not null references assignment (id) on delete cascade,
    target_id     bigint         not null references plan_item_target (id) on delete cascade,
    plan_id       bigint         not null references plan (id) on delete cascade,
    kind          varchar(12)    not null,
    school_id     bigint references school (id),
    actual        numeric(14, 4) not null,
    primary key (assignment_id, target_id)
);
create index line_target_value_plan_idx on line_target_value (plan_id);
create index line_target_value_target_idx on line_target_value (target_id);

insert into line_target_value (assignment_id, target_id, plan_id, kind, school_id, actual)
select a.id, v.target_id, a.plan_id, a.kind, a.school_id, v.actual
from assignment a
join progress_report r on r.assignment_id = a.id and r.period_start = a.reported_period
join progress_report_value v on v.report_id = r.id;

-- How many reports a plan has per period and state, with the sum of their percentages: the dashboard's chart of
-- the months, which would otherwise count hundreds of thousands of reports per view. Statement-level triggers
-- on progress_report append what each statement changed, whatever writes the reports (the services, the data
-- generator, a repair by hand); readers sum the rows. Appending takes no lock that a concurrent report would
-- wait for; a nightly job (ReportTally) folds the rows into one per plan, period and state.
create table report_tally (
    plan_id      bigint      not null references plan (id) on delete cascade,
    period_start date        not null,
    state        varchar(10) not null,
    reports      bigint      not null,
    percent_sum  bigint      not null
);
create index report_tally_plan_idx on report_tally (plan_id);

create function report_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into report_tally (plan_id, period_start, state, reports, percent_sum)
    select plan_id, period_start, state, count(*), sum(percent) from added group by plan_id, period_start, state;
    return null;
end $$;

create function report_tally_updated() returns trigger language plpgsql as $$
begin
    insert into report_tally (plan_id, period_start, state, reports, percent_sum)
    select plan_id, period_start, state, sum(n), sum(p)
    from (select plan_id, period_start, state, -1 as n, -percent as p from removed
          union all
          select plan_id, period_start, state, 1, percent from added) changes
    group by plan_id, period_start, state
    having sum(n) <> 0 or sum(p) <> 0;
    return null;
end $$;

-- reports deleted with their plan leave nothing to count (the tally's rows go with the plan)
create function report_tally_deleted() returns trigger language plpgsql as $$
begin
    insert into report_tally (plan_id, period_start, state, reports, percent_sum)
    select plan_id, period_start, state, -count(*), -sum(percent) from removed r
    where exists (select 1 from plan p where p.id = r.plan_id)
    group by plan_id, period_start, state;
    return null;
end $$;

create trigger progress_report_tally_insert after insert on progress_report
    referencing new table as added for each statement execute function report_tally_inserted();
create trigger progress_report_tally_update after update on progress_report
    referencing old table as removed new table as added for each statement execute function report_tally_updated();
create trigger progress_report_tally_delete after delete on progress_report
    referencing old table as removed for each statement execute function report_tally_deleted();

insert into report_tally (plan_id, period_start, state, reports, percent_sum)
select plan_id, period_start, state, count(*), sum(percent) from progress_report group by plan_id, period_start, state;
