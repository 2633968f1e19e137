package io.firebreak.notification;

import java.util.List;

/**
 * Who hears about incidents beyond the responders: people by role or by id, by mail, and chat
 * channels. Plans name an audience, never an address.
 */
public record Audience(String id, String name, List<String> roles, List<String> people, List<ChatTarget> chat) {

	public Audience {
		roles = roles == null ? List.of() : List.copyOf(roles);
		people = people == null ? List.of() : List.copyOf(people);
		chat = chat == null ? List.of() : List.copyOf(chat);
	}

	/** An incoming webhook. {@code drills}: whether drill notifications go there too. */
	public record ChatTarget(String name, Channel type, String url, boolean drills) {
	}
}
