package io.firebreak.notification;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Who hears about incidents beyond the paged responders: people by role or by id, mailing lists,
 * and chat channels; which severities and incident types reach them; and which part of a status
 * update they get.
 * Plans name a notice, never an address.
 */
public record Audience(String id, String name, List<String> roles, List<String> people, List<String> mail,
		List<ChatTarget> chat, List<String> severities, Part receives, List<String> types) {

	/** The part of a status update an audience gets, after Google SRE's and PagerDuty's practice. */
	public enum Part {
		/** Conditions, actions, needs: for responders and internal stakeholders. */
		TACTICAL,
		/** Current status, overview, next steps: for executives. */
		EXECUTIVE,
		/** The customer message only, never internal text: for customers and the status page. */
		CUSTOMER,
		/** No incident notices: only the published postmortems, for the organisation at large. */
		FINDINGS;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	@JsonCreator
	public Audience {
		roles = roles == null ? List.of() : List.copyOf(roles);
		people = people == null ? List.of() : List.copyOf(people);
		mail = mail == null ? List.of() : List.copyOf(mail);
		chat = chat == null ? List.of() : List.copyOf(chat);
		severities = severities == null ? List.of() : List.copyOf(severities);
		receives = receives == null ? Part.TACTICAL : receives;
		types = types == null ? List.of() : List.copyOf(types);
	}

	/** An internal audience of people and chats that every severity reaches. */
	public Audience(String id, String name, List<String> roles, List<String> people, List<ChatTarget> chat) {
		this(id, name, roles, people, null, chat, null, null, null);
	}

	/**
	 * Whether incidents of {@code severity} and {@code type} reach this audience; no list means every
	 * severity, every type.
	 */
	public boolean reachedBy(String severity, String type) {
		return (severities.isEmpty() || severities.contains(severity)) && (types.isEmpty() || types.contains(type));
	}

	/** An incoming webhook. {@code drills}: whether drill notifications go there too. */
	public record ChatTarget(String name, Channel type, String url, boolean drills) {
	}
}
