-- The read model each module publishes to the others (issue #15). A module's SQL touches only its own tables; what
-- another module needs to read comes through its Java API or through these views, which the owning module keeps
-- stable: a column renamed in a table is renamed here too, and the readers never see it. Codes that cross modules are
-- read as the owner's words (plan.in_force) or bound from the owner's enum, never spelled in another module's SQL.
-- PostgreSQL inlines simple views into the query that reads them, so they cost nothing at run time.
-- docs/architecture.md ("Who owns which table") lists the owners; TableOwnershipTest keeps the line.

-- account: the people, without their credentials
create view person_view as
select id, username, display_name, role, office_id, school_id, email, phone, active
from app_user;
comment on view person_view is 'Published by account: every account with its role, office or school; no credentials';

-- org: offices and schools
create view office_view as
select id, name, short_name, head_user_id, leader_user_id, coordinator, display_order, active
from office;
comment on view office_view is 'Published by org: the bureau''s offices (股室) with their head and supervising leader';

create view school_view as
select id, name, kind, township, enrolment, active
from school;
comment on view school_view is 'Published by org: the county''s schools';

-- plan: plans, their outline and what each item asks
create view plan_view as
select id, year, title, kind, numbering, status, status = 'PUBLISHED' as in_force, document_number, issue_date,
       origin_plan_id, published_at, closed_at, report_cycle, report_due_day, first_chapter, first_item, created_by
from plan;
comment on view plan_view is 'Published by plan: every plan; in_force is true while it is being carried out (published, not closed)';
comment on column plan_view.in_force is 'Published and not yet closed: the plan reported on, chased and shown on the dashboards';

create view plan_node_view as
select id, plan_id, parent_id, kind, position, headline, body, lead_office_id, key_item, deadline_kind, deadline,
       baseline_deadline, q1, q2, q3, q4, tags, carried_from_id, completed_at
from plan_node;
comment on view plan_node_view is 'Published by plan: chapters, sections, items and points of every plan';

create view plan_item_office_view as
select node_id, office_id
from plan_item_office;
comment on view plan_item_office_view is 'Published by plan: the offices cooperating on an item (配合股室)';

create view plan_item_school_view as
select node_id, school_id
from plan_item_school;
comment on view plan_item_school_view is 'Published by plan: the schools responsible for an item (责任学校)';

create view plan_item_target_view as
select id, node_id, position, indicator, comparator, value, unit
from plan_item_target;
comment on view plan_item_target_view is 'Published by plan: the measurable targets of an item';

-- execution: who carries out which item, and what they reported
create view assignment_view as
select id, plan_id, item_id, chapter_id, kind, office_id, school_id, deadline, baseline_deadline, milestone,
       reported_period, reported_percent, reported_done, approved_percent
from assignment;
comment on view assignment_view is 'Published by execution: the lines of an item (lead office, cooperating offices, schools) with their latest standing';

create view progress_report_view as
select id, assignment_id, plan_id, item_id, period_start, state, progress, percent, narrative, review_comment,
       author_id, submitted_at, reviewed_by, reviewed_at
from progress_report;
comment on view progress_report_view is 'Published by execution: progress reports (进展报送) of every line and period';

create view progress_report_value_view as
select report_id, target_id, actual
from progress_report_value;
comment on view progress_report_value_view is 'Published by execution: the values a report gives for an item''s targets';
