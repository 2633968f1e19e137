-- The incidents Firebreak removed under the retention policy (io.firebreak.retention), one row each,
-- kept for good: an incident missing from the record with a row here was retired by the policy, one
-- missing without a row was removed by someone else. It holds no incident content, only what the
-- policy decided: when the incident closed, how long its plan kept it, and how much went.
create table retired_incident (
    incident_key             varchar(32)  not null primary key,
    incident_type            varchar(16)  not null,
    -- the key of the plan (process definition) the incident ran; null when Camunda no longer knew it
    plan_key                 varchar(255),
    closed_at                timestamp with time zone not null,
    retained_days            integer      not null,
    retired_at               timestamp with time zone not null,
    timeline_events_removed  integer      not null,
    -- the hash of its timeline's last event (the chain's head, see /audit/verify) when it went
    timeline_head_hash       varchar(64),
    notifications_removed    integer      not null,
    -- the node that retired it (firebreak.node-id)
    retired_by               varchar(64)  not null
);

create index incident_closed_idx on incident (closed_at);

-- /reports narrows the incidents by when they were declared
create index incident_declared_idx on incident (declared_at);
