-- A notification being handed to its server is claimed by the node sending it, until the lock on
-- that node's job expires. A job run twice (its lock expired while a send hung, or its node died
-- and another took it over) finds the claim and does not send alongside; a node that restarts
-- releases its own claims at once.
alter table notification add column sending_by varchar(64);
alter table notification add column sending_until timestamp with time zone;
