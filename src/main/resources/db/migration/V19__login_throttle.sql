-- Login throttling (issue #12): growing delays per login, per client address and per trusted browser instead
-- of a hard lock that anyone could set off on anyone's account. Kept in the database so that every node
-- behind a load balancer sees the same counts.

-- One row per key: 'login:<name>', 'address:<ip>' or 'device:<token hash>:<name>'. A failed login adds one to
-- the failures of each key the attempt was counted under and sets blocked_until from the count; every attempt
-- first claims its keys (blocked_until in the past), so parallel guesses cannot slip through together.
create table login_throttle (
    key             varchar(300) primary key,
    failures        integer      not null default 0,
    blocked_until   timestamptz,
    last_failure_at timestamptz
);

create index login_throttle_last_failure on login_throttle (last_failure_at);

-- Browsers that logged in successfully (a long-lived cookie holds the token, this table its SHA-256): a person
-- on a browser they used before is not held up by guesses made at their login from elsewhere.
create table trusted_device (
    token_hash   char(64)     not null,
    username     varchar(100) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz  not null,
    primary key (token_hash, username)
);

create index trusted_device_last_used on trusted_device (last_used_at);

-- The hard lock is gone: its columns go with it.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;

-- How long the next attempt under a key waits after this many failures: nothing for the first free_failures,
-- then one second, doubling with each failure, never more than max_seconds.
create function login_delay(failures integer, free_failures integer, max_seconds integer) returns interval
    language sql immutable parallel safe as $$
    select case when failures < free_failures then interval '0'
                else least(max_seconds, power(2, least(failures - free_failures, 30))) * interval '1 second' end
$$;
