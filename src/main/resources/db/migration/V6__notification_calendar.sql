-- A mail may carry a calendar invitation (iCalendar, METHOD:REQUEST), such as the post-incident
-- review's. It is kept with the notification so that a retried delivery sends the same invitation
-- and the outbox can offer it for download. The same long-text type as the mail's HTML body.
alter table notification add column calendar_ics varchar(32000);
