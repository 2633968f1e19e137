-- Drills: one row per drill, keyed by the incident it declared. No foreign key to incident: the
-- row is written as the drill starts, in the same transaction but just before its plan opens the
-- incident record. The scorecard's actual times and participants are the incident's own record
-- (declared_at to acknowledged_at, contained_at, mitigated_at; its role holders and the people who
-- completed its steps); the targets are the scenario's as it was when the drill started.
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
