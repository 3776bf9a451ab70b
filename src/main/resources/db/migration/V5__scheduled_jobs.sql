-- Scheduled jobs (reminders, escalation of supervision notices) take a lock in this table, so that a job
-- runs once at a time even when several instances of the application share the database (ShedLock).
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
