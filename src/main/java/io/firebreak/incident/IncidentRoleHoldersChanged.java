package io.firebreak.incident;

/**
 * Someone took a role on the incident (assessment, acknowledgement, hand-over), published in the
 * transaction that gave it, so that what depends on who holds a role (need-to-know) changes with it.
 */
public record IncidentRoleHoldersChanged(Incident incident) {
}
