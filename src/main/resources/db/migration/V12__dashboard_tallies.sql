-- Dashboards on large plans (issue #6): what the leaders' dashboard and the drill-down sum up per item, per
-- school and chapter, and per target, kept as running totals so that a view reads a few hundred rows instead of
-- summing up the plan's tens of thousands of lines and target values on every request.
--
-- Statement-level triggers keep the totals, whatever changes the lines (publishing, revisions, the lead office
-- adding a school, LineStandings after a report, the data generator, a repair by hand): each statement adds what
-- it changed, netted per total's key, in the keys' order (so two statements changing the same totals wait for
-- each other instead of deadlocking). What depends on the day (overdue lines) or the period (lines reported this
-- period) is kept by period or read from the lines themselves; see PlanStandings and DashboardQueries.

-- ------------------------------------------------------------------------------------- a line's chapter

-- The chapter of a task item: its parent, or its section's parent.
create function item_chapter(item bigint) returns bigint language sql stable as $$
    select case p.kind when 'CHAPTER' then p.id else p.parent_id end
    from plan_node n join plan_node p on p.id = n.parent_id
    where n.id = item
$$;

alter table assignment add column chapter_id bigint;
comment on column assignment.chapter_id is 'The chapter of the line''s item, kept by triggers: the dashboard''s school × chapter grid';

update assignment set chapter_id = item_chapter(item_id);

create function assignment_chapter() returns trigger language plpgsql as $$
begin
    new.chapter_id := item_chapter(new.item_id);
    return new;
end $$;

create trigger assignment_chapter before insert or update of item_id on assignment
    for each row execute function assignment_chapter();

-- an item or a section moved to another chapter in a revision: its lines follow it
create function plan_node_moved() returns trigger language plpgsql as $$
begin
    update assignment a set chapter_id = item_chapter(a.item_id)
    where a.plan_id in (select n.plan_id from moved_to n join moved_from o on o.id = n.id
                        where n.parent_id is distinct from o.parent_id or n.kind is distinct from o.kind)
      and a.chapter_id is distinct from item_chapter(a.item_id);
    return null;
end $$;

create trigger plan_node_moved after update on plan_node
    referencing old table as moved_from new table as moved_to for each statement execute function plan_node_moved();

-- -------------------------------------------------------------------------------------------- the totals

-- Per item and the period of its lines' latest sent report ('-infinity' for none): the item's consolidated
-- progress when its lead office wrote none (approved_sum / lines), and how many of its lines reported in or after
-- a period (the sum of all_lines over the rows from that period on).
create table item_tally (
    item_id         bigint not null references plan_node (id) on delete cascade,
    reported_period date   not null,
    plan_id         bigint not null references plan (id) on delete cascade,
    lines           int    not null,
    approved_sum    bigint not null,
    all_lines       int    not null,
    primary key (item_id, reported_period)
);
comment on table item_tally is 'Per item and period of the latest sent report: lines besides the lead office''s, the sum of their latest approved percent, all lines';
create index item_tally_plan_idx on item_tally (plan_id) include (item_id, reported_period, lines, approved_sum, all_lines);

-- Per school and chapter: the cells of the dashboard's grid (lines, and the sum of their latest sent percent).
create table school_chapter_tally (
    plan_id     bigint not null references plan (id) on delete cascade,
    school_id   bigint not null references school (id) on delete cascade,
    chapter_id  bigint not null references plan_node (id) on delete cascade,
    lines       int    not null,
    percent_sum bigint not null,
    primary key (plan_id, school_id, chapter_id)
);
comment on table school_chapter_tally is 'Per school and chapter: the school''s lines and the sum of their latest sent percent';

-- Per target: the lead office's latest value, the schools' latest values and how many of them reach the target.
create table target_tally (
    target_id     bigint         not null primary key references plan_item_target (id) on delete cascade,
    plan_id       bigint         not null references plan (id) on delete cascade,
    lead_values   int            not null,
    lead_sum      numeric(18, 4) not null,
    school_values int            not null,
    school_sum    numeric(18, 4) not null,
    reached       int            not null
);
comment on table target_tally is 'Per target: the count and sum of the lead office''s and the schools'' latest values, the schools reaching it';
create index target_tally_plan_idx on target_tally (plan_id);

create function target_met(comparator varchar, actual numeric, target numeric) returns boolean language sql immutable as $$
    select case comparator when '>=' then actual >= target when '>' then actual > target when '<=' then actual <= target
                           when '<' then actual < target else actual = target end
$$;

-- ------------------------------------------------------------------------------------------ the triggers

-- What a statement changed, as signed rows of the table's transition tables (added: +1, removed: -1).
create function tally_changes(operation text) returns text language sql immutable as $$
    select case operation
               when 'INSERT' then 'select 1 as sign, * from added'
               when 'DELETE' then 'select -1 as sign, * from removed'
               else 'select -1 as sign, * from removed union all select 1, * from added' end
$$;

create function assignment_tally() returns trigger language plpgsql as $$
begin
    -- rows of items, schools or chapters deleted in the same statement leave nothing to count
    execute format($sql$
        insert into item_tally as t (item_id, reported_period, plan_id, lines, approved_sum, all_lines)
        select item_id, coalesce(reported_period, '-infinity'), plan_id,
               coalesce(sum(sign) filter (where kind <> 'LEAD'), 0),
               coalesce(sum(sign * coalesce(approved_percent, 0)) filter (where kind <> 'LEAD'), 0), sum(sign)
        from (%s) c
        where exists (select 1 from plan_node n where n.id = c.item_id)
        group by item_id, coalesce(reported_period, '-infinity'), plan_id
        having coalesce(sum(sign) filter (where kind <> 'LEAD'), 0) <> 0 or sum(sign) <> 0
            or coalesce(sum(sign * coalesce(approved_percent, 0)) filter (where kind <> 'LEAD'), 0) <> 0
        order by 1, 2
        on conflict (item_id, reported_period) do update
        set lines = t.lines + excluded.lines, approved_sum = t.approved_sum + excluded.approved_sum,
            all_lines = t.all_lines + excluded.all_lines
        $sql$, tally_changes(tg_op));
    execute format($sql$
        insert into school_chapter_tally as t (plan_id, school_id, chapter_id, lines, percent_sum)
        select plan_id, school_id, chapter_id, sum(sign), sum(sign * coalesce(reported_percent, 0))
        from (%s) c
        where school_id is not null and chapter_id is not null
          and exists (select 1 from plan_node n where n.id = c.chapter_id)
          and exists (select 1 from school s where s.id = c.school_id)
        group by plan_id, school_id, chapter_id
        having sum(sign) <> 0 or sum(sign * coalesce(reported_percent, 0)) <> 0
        order by 1, 2, 3
        on conflict (plan_id, school_id, chapter_id) do update
        set lines = t.lines + excluded.lines, percent_sum = t.percent_sum + excluded.percent_sum
        $sql$, tally_changes(tg_op));
    return null;
end $$;

create trigger assignment_tally_insert after insert on assignment
    referencing new table as added for each statement execute function assignment_tally();
create trigger assignment_tally_update after update on assignment
    referencing old table as removed new table as added for each statement execute function assignment_tally();
create trigger assignment_tally_delete after delete on assignment
    referencing old table as removed for each statement execute function assignment_tally();

create function target_value_tally() returns trigger language plpgsql as $$
begin
    execute format($sql$
        insert into target_tally as t (target_id, plan_id, lead_values, lead_sum, school_values, school_sum, reached)
        select c.target_id, min(c.plan_id),
               coalesce(sum(sign) filter (where c.kind = 'LEAD'), 0), coalesce(sum(sign * c.actual) filter (where c.kind = 'LEAD'), 0),
               coalesce(sum(sign) filter (where c.kind = 'SCHOOL'), 0), coalesce(sum(sign * c.actual) filter (where c.kind = 'SCHOOL'), 0),
               coalesce(sum(sign) filter (where c.kind = 'SCHOOL' and target_met(g.comparator, c.actual, g.value)), 0)
        from (%s) c join plan_item_target g on g.id = c.target_id
        where c.kind in ('LEAD', 'SCHOOL')
        group by c.target_id
        order by 1
        on conflict (target_id) do update
        set lead_values = t.lead_values + excluded.lead_values, lead_sum = t.lead_sum + excluded.lead_sum,
            school_values = t.school_values + excluded.school_values, school_sum = t.school_sum + excluded.school_sum,
            reached = t.reached + excluded.reached
        $sql$, tally_changes(tg_op));
    return null;
end $$;

create trigger line_target_value_tally_insert after insert on line_target_value
    referencing new table as added for each statement execute function target_value_tally();
create trigger line_target_value_tally_update after update on line_target_value
    referencing old table as removed new table as added for each statement execute function target_value_tally();
create trigger line_target_value_tally_delete after delete on line_target_value
    referencing old table as removed for each statement execute function target_value_tally();

-- a target revised to another figure or comparator: count again which schools reach it
create function target_revised() returns trigger language plpgsql as $$
begin
    update target_tally t set reached = (select count(*) from line_target_value v
                                         where v.target_id = t.target_id and v.kind = 'SCHOOL'
                                           and target_met(new.comparator, v.actual, new.value))
    where t.target_id = new.id;
    return null;
end $$;

create trigger plan_item_target_revised after update of comparator, value on plan_item_target
    for each row when (old.comparator is distinct from new.comparator or old.value is distinct from new.value)
    execute function target_revised();

-- ------------------------------------------------------------------------------ the totals of today's data

insert into item_tally (item_id, reported_period, plan_id, lines, approved_sum, all_lines)
select item_id, coalesce(reported_period, '-infinity'), plan_id, count(*) filter (where kind <> 'LEAD'),
       coalesce(sum(coalesce(approved_percent, 0)) filter (where kind <> 'LEAD'), 0), count(*)
from assignment group by item_id, coalesce(reported_period, '-infinity'), plan_id;

insert into school_chapter_tally (plan_id, school_id, chapter_id, lines, percent_sum)
select plan_id, school_id, chapter_id, count(*), sum(coalesce(reported_percent, 0))
from assignment where school_id is not null and chapter_id is not null
group by plan_id, school_id, chapter_id;

insert into target_tally (target_id, plan_id, lead_values, lead_sum, school_values, school_sum, reached)
select v.target_id, min(v.plan_id), count(*) filter (where v.kind = 'LEAD'), coalesce(sum(v.actual) filter (where v.kind = 'LEAD'), 0),
       count(*) filter (where v.kind = 'SCHOOL'), coalesce(sum(v.actual) filter (where v.kind = 'SCHOOL'), 0),
       count(*) filter (where v.kind = 'SCHOOL' and target_met(g.comparator, v.actual, g.value))
from line_target_value v join plan_item_target g on g.id = v.target_id
where v.kind in ('LEAD', 'SCHOOL')
group by v.target_id;

-- the lead office's line of each item (its consolidated progress), and the schools' open lines (the grid's overdue)
create index assignment_lead_idx on assignment (item_id) include (id, approved_percent) where kind = 'LEAD';
create index assignment_open_idx on assignment (item_id) include (school_id, chapter_id, deadline)
    where school_id is not null and not reported_done and coalesce(reported_percent, 0) < 100;
