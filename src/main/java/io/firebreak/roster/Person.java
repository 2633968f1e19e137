package io.firebreak.roster;

import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Someone on the roster: a Camunda user with the groups that give them their roles, and how to
 * reach them. {@code chat} is an optional chat handle; {@code timeZone} (an IANA zone such as
 * Europe/Berlin) is where they live, so the roster can show their local time.
 */
public record Person(String id, String name, String email, String chat, String timeZone, List<String> groups) {

	@JsonCreator
	public Person {
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	/** Someone in UTC without a chat handle. */
	public Person(String id, String name, String email, List<String> groups) {
		this(id, name, email, null, "UTC", groups);
	}

	/** Valid once the roster has checked it. */
	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	public String firstName() {
		int space = name.indexOf(' ');
		return space < 0 ? name : name.substring(0, space);
	}

	public String lastName() {
		int space = name.indexOf(' ');
		return space < 0 ? "" : name.substring(space + 1);
	}
}
