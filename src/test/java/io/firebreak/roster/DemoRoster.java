package io.firebreak.roster;

import org.springframework.core.io.FileSystemResource;

/** The demo roster and services of config/, loaded as the application loads them. */
public final class DemoRoster {

	private DemoRoster() {
	}

	public static Roster load() throws Exception {
		return new RosterFiles(new FileSystemResource("config/roster.yaml"),
				new FileSystemResource("config/services.yaml")).read();
	}
}
