-- Security incidents (processes/security-incident.bpmn). The privacy lead is an incident role like the
-- commander: it is given at triage, gets the deadline reminders, and may see the incident.
alter table incident add column privacy_lead varchar(64);

-- The data exposure as assessed, and the moment of awareness every regulatory deadline runs from
-- (GDPR Art. 33: "72 hours after having become aware"). One per incident: a later assessment
-- replaces the facts but never moves the clock back unless the assessor says so.
create table breach_assessment (
    incident_key          varchar(32)   not null primary key references incident (incident_key),
    aware_at              timestamp with time zone not null,
    personal_data_exposed boolean       not null,
    records_exposed       bigint        not null,
    jurisdictions         varchar(200)  not null,
    high_risk_to_people   boolean       not null,
    assessed_by           varchar(64),
    assessed_at           timestamp with time zone not null
);

-- Each notification the breach-notification decision obliges, its deadline, and the evidence it
-- was met: what was sent, to whom, when, the reference the recipient gave, and why, if late.
create table breach_obligation (
    incident_key       varchar(32)   not null references incident (incident_key),
    obligation         varchar(64)   not null,
    recipient          varchar(300)  not null,
    basis              varchar(500)  not null,
    deadline_at        timestamp with time zone not null,
    decided_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    sent_to            varchar(300),
    reference          varchar(300),
    what_was_sent      varchar(4000),
    late_reason        varchar(2000),
    recorded_by        varchar(64),
    recorded_at        timestamp with time zone,
    last_reminded_at   timestamp with time zone,
    primary key (incident_key, obligation)
);
