package io.firebreak.roster;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import io.firebreak.system.ConfigFile;

/**
 * Reads {@code roster.yaml} and {@code services.yaml} into a checked {@link Roster}, at start-up
 * and on every reload. A file that does not parse or a roster with mistakes throws
 * {@link RosterUnreadable} naming the file, the path and what to fix.
 */
@Component
class RosterFiles {

	record RosterFile(List<Person> people, Map<String, List<String>> roles, List<Team> teams) {
	}

	record ServicesFile(Map<String, String> plans, List<OwnedService> services, String triageService) {
	}

	private final ConfigFile rosterFile;
	private final ConfigFile servicesFile;

	/**
	 * Each location may list several, comma-separated: the first that exists is read. The demo
	 * profile reads the working copy's {@code config/} when run from the repository (so an edit
	 * and a reload take effect) and the packaged copy anywhere else.
	 */
	@Autowired
	RosterFiles(@Value("${firebreak.roster.location}") String rosterLocations,
			@Value("${firebreak.services.location}") String servicesLocations, ResourceLoader resources) {
		this(firstExisting(rosterLocations, resources), firstExisting(servicesLocations, resources));
	}

	RosterFiles(Resource rosterFile, Resource servicesFile) {
		this(new ConfigFile(rosterFile), new ConfigFile(servicesFile));
	}

	private RosterFiles(ConfigFile rosterFile, ConfigFile servicesFile) {
		this.rosterFile = rosterFile;
		this.servicesFile = servicesFile;
	}

	private static ConfigFile firstExisting(String locations, ResourceLoader resources) {
		return ConfigFile.firstExisting(locations, resources).orElseThrow(() -> new RosterUnreadable(
				"none of " + locations + " exists; point the location at the roster's files"));
	}

	Roster read() {
		RosterFile roster = rosterFile.read(RosterFile.class, RosterUnreadable::new);
		ServicesFile services = servicesFile.read(ServicesFile.class, RosterUnreadable::new);
		try {
			return new Roster(roster.people(), roster.teams(), services.services(), services.triageService(),
					services.plans(), roster.roles(), new Roster.Sources(rosterFile.name(), servicesFile.name()));
		}
		catch (IllegalStateException mistakes) {
			throw new RosterUnreadable(mistakes.getMessage());
		}
	}
}
