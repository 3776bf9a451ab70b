-- Work finds people (issue #14): review comments get an answer, leaders are asked to read a drafted report, and
-- the to-do lists (待办) of every home page read what waits for each person through indexes on what they filter.

-- A review comment is answered by the general office (or the item's lead office) before the plan is published: the
-- comment is open until then, and an open comment is a to-do of the general office.
alter table plan_comment add column answer varchar(2000);
alter table plan_comment add column answered_by bigint references app_user (id);
alter table plan_comment add column answered_at timestamptz;
alter table plan_comment add constraint plan_comment_answer_ck check ((answer is null) = (answered_at is null));
-- the general office's open comments, per plan
create index plan_comment_open_idx on plan_comment (plan_id, created_at) where answered_at is null;

-- The general office asks the leaders to read a drafted report (送阅): one row per leader, read when the leader says so.
create table summary_reading (
    summary_id    bigint      not null references summary (id) on delete cascade,
    user_id       bigint      not null references app_user (id),
    requested_by  bigint      not null references app_user (id),
    requested_at  timestamptz not null,
    read_at       timestamptz,
    primary key (summary_id, user_id)
);
-- a leader's reports waiting to be read
create index summary_reading_open_idx on summary_reading (user_id, requested_at) where read_at is null;

-- To-do lists: items of a plan still without a lead office (the general office's)
create index plan_node_unassigned_idx on plan_node (plan_id) where kind = 'ITEM' and lead_office_id is null;
-- a line's extension requests decided lately (the requester's to-do tells the outcome for a week)
create index extension_request_decided_idx on extension_request (assignment_id, decided_at) where decided_at is not null;
-- reports sent back to their authors
create index progress_report_returned_idx on progress_report (assignment_id) where state = 'RETURNED';
-- the lines of an item that are neither done nor at 100 %: what a lead office chases (lagging or overdue)
create index assignment_unfinished_idx on assignment (item_id) include (kind, deadline, reported_percent)
    where not reported_done and coalesce(reported_percent, 0) < 100;
-- notices answered and waiting for their issuer (a leader, or the supervision office) to close or send back
create index notice_replied_issuer_idx on notice (issued_by) where state = 'REPLIED';
create index notice_replied_office_idx on notice (issuer_office_id) where state = 'REPLIED';
-- evidence files waiting for an inspector, oldest first
create index evidence_unchecked_idx on evidence (report_id, uploaded_at) where verification = 'UNCHECKED';
