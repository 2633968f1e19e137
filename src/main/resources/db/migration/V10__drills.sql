-- Drills: one row per drill, keyed by the incident it declared. No foreign key to incident: the
-- row is written as the drill starts, in the same transaction but just before its plan opens the
-- incident record. The scorecard's actual times are the incident's own (declared_at to
-- acknowledged_at, contained_at, mitigated_at); the targets are the scenario's as it was then.
create table drill (
    incident_key                 varchar(32)   not null primary key,
    scenario_id                  varchar(64)   not null,
    scenario_title               varchar(200)  not null,
    plan_key                     varchar(255)  not null,
    started_by                   varchar(64),
    started_at                   timestamp with time zone not null,
    process_instance_id          varchar(64)   not null,
    target_acknowledge_seconds   bigint        not null,
    target_contain_seconds       bigint        not null,
    target_mitigate_seconds      bigint        not null,
    injects_planned              integer       not null,
    injects_delivered            integer       not null,
    -- set when the drill's plan ended and the scorecard was kept
    scored_at                    timestamp with time zone
);

create index drill_scenario_idx on drill (scenario_id, started_at);
create index drill_started_idx on drill (started_at);

-- Who took part in a drill and in which roles, kept when it is scored: the training record.
create table drill_participant (
    incident_key  varchar(32)  not null references drill (incident_key),
    person        varchar(64)  not null,
    roles         varchar(200) not null,
    -- the scorecard's order: role holders first, then the others by their first step
    position      integer      not null,
    primary key (incident_key, person)
);

create index drill_participant_person_idx on drill_participant (person);
