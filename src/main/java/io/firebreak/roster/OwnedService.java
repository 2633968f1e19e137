package io.firebreak.roster;

/** A service incidents are declared against, and the team that answers for it. */
public record OwnedService(String id, String name, String team) {
}
