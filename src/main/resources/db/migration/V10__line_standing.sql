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
