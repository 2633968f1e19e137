package io.firebreak.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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

	private final Resource rosterFile;
	private final Resource servicesFile;
	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
		this.rosterFile = rosterFile;
		this.servicesFile = servicesFile;
	}

	private static Resource firstExisting(String locations, ResourceLoader resources) {
		List<Resource> candidates = java.util.Arrays.stream(locations.split(","))
			.map(String::strip)
			.filter(location -> !location.isEmpty())
			.map(resources::getResource)
			.toList();
		return candidates.stream().filter(Resource::exists).findFirst().orElseThrow(() -> new RosterUnreadable(
				"none of " + locations + " exists; point the location at the roster's files"));
	}

	Roster read() {
		RosterFile roster = parse(rosterFile, RosterFile.class);
		ServicesFile services = parse(servicesFile, ServicesFile.class);
		try {
			return new Roster(roster.people(), roster.teams(), services.services(), services.triageService(),
					services.plans(), roster.roles(), new Roster.Sources(name(rosterFile), name(servicesFile)));
		}
		catch (IllegalStateException mistakes) {
			throw new RosterUnreadable(mistakes.getMessage());
		}
	}

	private <T> T parse(Resource file, Class<T> type) {
		try (InputStream in = file.getInputStream()) {
			T parsed = yaml.readValue(in, type);
			if (parsed == null) {
				// an empty file would otherwise be an empty roster: nobody on call, nobody able to sign in
				throw new RosterUnreadable(name(file) + ": is empty");
			}
			return parsed;
		}
		catch (JsonProcessingException e) {
			if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
				throw new RosterUnreadable(name(file) + ": is empty");
			}
			// Jackson names the path (people[3]->timeZone) and the line; the file is ours to name
			throw new RosterUnreadable(name(file) + ": " + e.getOriginalMessage() + " at " + pathOf(e));
		}
		catch (IOException e) {
			throw new RosterUnreadable(name(file) + ": cannot be read (" + e.getMessage() + ")");
		}
	}

	private static String pathOf(JsonProcessingException e) {
		String location = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
		if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return mapping.getPathReference().replace("io.firebreak.roster.", "") + location;
		}
		return location.strip();
	}

	/** config/roster.yaml for the packaged roster, the path given for one outside. */
	private static String name(Resource file) {
		if (file instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		if (file instanceof FileSystemResource onDisk) {
			return onDisk.getPath();
		}
		try {
			// file:config/roster.yaml (the demo profile's) is a URL resource: name it by its path as well
			if (org.springframework.util.ResourceUtils.isFileURL(file.getURL())) {
				return file.getURL().getPath();
			}
		}
		catch (IOException notAUrl) {
			// fall through to the description
		}
		return file.getDescription();
	}
}
