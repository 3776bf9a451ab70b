-- State that used to live in one instance's memory, so that any instance serves any request (issue #12).

-- The HTTP sessions, read and written by Spring Session's JdbcIndexedSessionRepository: the table and column names
-- are the ones its statements use. Times are milliseconds since the epoch, as it writes them. One row per session;
-- its attributes (the login, the CSRF token, flash messages, the page to return to after login), each serialised
-- by Java, in spring_session_attributes.
create table spring_session (
    primary_id             char(36)     not null primary key,
    -- the id in the cookie; changes at login (session fixation), the primary id does not
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,
    expiry_time            bigint       not null,
    -- the logged-in account's login name (app_user.username): ending all sessions of an account finds them here
    principal_name         varchar(100)
);
create unique index spring_session_id_uk on spring_session (session_id);
-- the clean-up every minute deletes the expired ones
create index spring_session_expiry_idx on spring_session (expiry_time);
create index spring_session_principal_idx on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)      not null references spring_session (primary_id) on delete cascade,
    attribute_name      varchar(200)  not null,
    attribute_bytes     bytea         not null,
    primary key (session_primary_id, attribute_name)
);

-- What an import read, between its preview and the person's confirmation: the plan import's editable draft, the
-- checked rows of a schools' or accounts' import. Held per person (only its owner finds it by its token), as JSON,
-- until confirmed or two hours after its last use; a job deletes the expired ones.
create table held_preview (
    token       uuid         primary key,
    owner_id    bigint       not null references app_user (id),
    -- what it is a preview of: 'plan', 'schools', 'users'
    kind        varchar(20)  not null,
    payload     json         not null,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null
);
-- a person's newest previews of a kind (the few kept), and the clean-up
create index held_preview_owner_idx on held_preview (owner_id, kind, expires_at);
create index held_preview_expiry_idx on held_preview (expires_at);
