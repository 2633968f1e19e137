package io.firebreak.roster;

import java.util.List;

/** Someone on the roster: a Camunda user with the groups that give them their roles. */
public record Person(String id, String name, String email, List<String> groups) {

	public Person {
		groups = groups == null ? List.of() : List.copyOf(groups);
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
