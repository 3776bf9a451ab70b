-- A school's enrolment (在校生数), so that a target's county-wide figure (入学率, 巩固率 …) weighs each school's value
-- by its pupils, as the bureau's statistics do, instead of taking the plain mean of the schools (issue #6).

alter table school add column enrolment integer check (enrolment >= 0);
comment on column school.enrolment is 'Pupils enrolled (在校生数); weighs the school''s values in a target''s county-wide figure';

-- the weighted sums of the schools' latest values, over the schools whose enrolment is known
alter table target_tally add column weighted_sum numeric(24, 4) not null default 0;
alter table target_tally add column weight bigint not null default 0;
comment on column target_tally.weighted_sum is 'Sum over the schools'' latest values of value × enrolment (schools with an enrolment)';
comment on column target_tally.weight is 'Sum of those schools'' enrolments';

create or replace function target_value_tally() returns trigger language plpgsql as $$
begin
    -- the schools' enrolments are read under a share lock: an enrolment being corrected at the same moment is either
    -- committed first (and read here) or waits for this transaction (and its trigger then sees these values)
    execute format('select 1 from school where id in (select school_id from (%s) c where c.kind = ''SCHOOL'') order by id for share',
                   tally_changes(tg_op));
    execute format($sql$
        insert into target_tally as t (target_id, plan_id, lead_values, lead_sum, school_values, school_sum, reached,
                                       weighted_sum, weight)
        select c.target_id, min(c.plan_id),
               coalesce(sum(sign) filter (where c.kind = 'LEAD'), 0), coalesce(sum(sign * c.actual) filter (where c.kind = 'LEAD'), 0),
               coalesce(sum(sign) filter (where c.kind = 'SCHOOL'), 0), coalesce(sum(sign * c.actual) filter (where c.kind = 'SCHOOL'), 0),
               coalesce(sum(sign) filter (where c.kind = 'SCHOOL' and target_met(g.comparator, c.actual, g.value)), 0),
               coalesce(sum(sign * c.actual * s.enrolment) filter (where c.kind = 'SCHOOL'), 0),
               coalesce(sum(sign * s.enrolment) filter (where c.kind = 'SCHOOL'), 0)
        from (%s) c join plan_item_target g on g.id = c.target_id
        left join school s on s.id = c.school_id
        where c.kind in ('LEAD', 'SCHOOL')
        group by c.target_id
        order by 1
        on conflict (target_id) do update
        set lead_values = t.lead_values + excluded.lead_values, lead_sum = t.lead_sum + excluded.lead_sum,
            school_values = t.school_values + excluded.school_values, school_sum = t.school_sum + excluded.school_sum,
            reached = t.reached + excluded.reached, weighted_sum = t.weighted_sum + excluded.weighted_sum,
            weight = t.weight + excluded.weight
        $sql$, tally_changes(tg_op));
    return null;
end $$;

-- a school's enrolment changed: its latest values weigh differently in the targets it reported on
create function school_enrolment_changed() returns trigger language plpgsql as $$
begin
    update target_tally t
    set weighted_sum = t.weighted_sum + v.actual * (coalesce(new.enrolment, 0) - coalesce(old.enrolment, 0)),
        weight = t.weight + (coalesce(new.enrolment, 0) - coalesce(old.enrolment, 0))
    from line_target_value v
    where v.school_id = new.id and v.kind = 'SCHOOL' and v.target_id = t.target_id;
    return null;
end $$;

create trigger school_enrolment_changed after update of enrolment on school
    for each row when (old.enrolment is distinct from new.enrolment)
    execute function school_enrolment_changed();
