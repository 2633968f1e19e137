package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/**
 * What start-up and a reload read: a mistake in roster.yaml or services.yaml names the file, the
 * path inside it, and what to fix.
 */
class RosterFilesTests {

	static final String SERVICES = """
			services:
			  - id: checkout
			    name: Checkout
			    team: platform
			""";

	@TempDir
	Path dir;

	Roster read(String roster, String services) throws Exception {
		Files.writeString(dir.resolve("roster.yaml"), roster);
		Files.writeString(dir.resolve("services.yaml"), services);
		return new RosterFiles(new FileSystemResource(dir.resolve("roster.yaml")),
				new FileSystemResource(dir.resolve("services.yaml"))).read();
	}

	static String roster(String teamExtras, String layerMembers, String zone) {
		return """
				people:
				  - {id: omar, name: Omar Oncall, email: omar@example.org, timeZone: Europe/Berlin, groups: [responders]}
				  - {id: ida, name: Ida Commander, email: ida@example.org, timeZone: Europe/Berlin, groups: [incident-commanders]}
				teams:
				  - id: platform
				    name: Platform
				    timeZone: %s
				    layers:
				      - {id: primary, rotation: weekly, start: 2026-01-05, handOff: "09:00", members: %s}
				%s""".formatted(zone, layerMembers, teamExtras);
	}

	String file() {
		return dir.resolve("roster.yaml").toString();
	}

	@Test
	void aGoodRosterReads() throws Exception {
		Roster roster = read(roster("", "[omar]", "Europe/Berlin"), SERVICES);

		assertThat(roster.teamOf("checkout").layers()).extracting(Layer::id).containsExactly("primary");
	}

	@Test
	void anUnknownPersonInARotationIsNamedWithFileAndPath() {
		assertThatThrownBy(() -> read(roster("", "[omar, casper]", "Europe/Berlin"), SERVICES))
			.isInstanceOf(RosterUnreadable.class)
			.hasMessageContaining(file() + ": teams[platform].layers[primary].members: 'casper' is not in people");
	}

	@Test
	void aRotationWithNoMembersIsRefused() {
		assertThatThrownBy(() -> read(roster("", "[]", "Europe/Berlin"), SERVICES))
			.hasMessageContaining(file() + ": teams[platform].layers[primary].members: the rotation has no members");
	}

	@Test
	void anInvalidTimeZoneIsRefused() {
		assertThatThrownBy(() -> read(roster("", "[omar]", "Europe/Atlantis"), SERVICES))
			.hasMessageContaining(file() + ": teams[platform].timeZone: 'Europe/Atlantis' is not a time zone");
	}

	@Test
	void anUnknownTeamOfAServiceIsNamedInServicesYaml() {
		assertThatThrownBy(() -> read(roster("", "[omar]", "Europe/Berlin"), SERVICES.replace("team: platform",
				"team: finance")))
			.hasMessageContaining(dir.resolve("services.yaml") + ": services[checkout].team: 'finance' is not a team of "
					+ file());
	}

	@Test
	void overlappingOverridesAreRefused() {
		String overrides = """
				    overrides:
				      - {layer: primary, person: ida, from: "2026-12-24T10:00", until: "2026-12-28T10:00"}
				      - {layer: primary, person: omar, from: "2026-12-27", until: "2026-12-30"}
				      - {layer: backup, person: nobody, from: "2026-12-31", until: "2026-12-30"}
				""";

		assertThatThrownBy(() -> read(roster(overrides, "[omar]", "Europe/Berlin"), SERVICES))
			.hasMessageContaining(file() + ": teams[platform].overrides[1]: overlaps overrides[0] in layer primary")
			.hasMessageContaining(file() + ": teams[platform].overrides[2].layer: 'backup' is not a layer of the team")
			.hasMessageContaining(file() + ": teams[platform].overrides[2].person: 'nobody' is not in people")
			.hasMessageContaining(file() + ": teams[platform].overrides[2].until: must be after from");
	}

	@Test
	void anEscalationTargetThatIsNoLayerIsRefused() {
		String escalation = """
				    escalation:
				      levels:
				        - target: layer:tertiary
				        - {target: manager, ackTimeout: 15 minutes}
				""";

		assertThatThrownBy(() -> read(roster(escalation, "[omar]", "Europe/Berlin"), SERVICES))
			.hasMessageContaining(file() + ": teams[platform].escalation.levels[0].target: 'tertiary' is not a layer")
			.hasMessageContaining(file() + ": teams[platform].escalation.levels[1].target: the team has no manager")
			.hasMessageContaining(file() + ": teams[platform].escalation.levels[1].ackTimeout: '15 minutes' is not an"
					+ " ISO-8601 duration");
	}

	@Test
	void aMisspeltFieldIsNamedWithItsLine() {
		assertThatThrownBy(() -> read(roster("", "[omar]", "Europe/Berlin").replace("handOff", "handoff"), SERVICES))
			.hasMessageContaining(file() + ": Unrecognized field \"handoff\"")
			.hasMessageContaining("line 9");
	}

	@Test
	void aFileUrlAsTheDemoProfileGivesItIsNamedByItsPath() throws Exception {
		Files.writeString(dir.resolve("roster.yaml"), roster("", "[casper]", "Europe/Berlin"));
		Files.writeString(dir.resolve("services.yaml"), SERVICES);
		RosterFiles files = new RosterFiles(new org.springframework.core.io.FileUrlResource(dir.resolve("roster.yaml").toUri().toURL()),
				new FileSystemResource(dir.resolve("services.yaml")));

		assertThatThrownBy(files::read).hasMessageContaining("\n  " + file() + ": teams[platform]");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> read("", SERVICES)).hasMessage(file() + ": is empty");
		assertThatThrownBy(() -> read("# nobody yet\n", SERVICES)).hasMessage(file() + ": is empty");
	}

	@Test
	void aLocationListReadsTheFirstFileThatExistsSoThePackagedJarRunsAnywhere() {
		org.springframework.core.io.DefaultResourceLoader loader = new org.springframework.core.io.DefaultResourceLoader();
		Roster packaged = new RosterFiles("file:" + dir.resolve("absent.yaml") + ",classpath:config/roster.yaml",
				"file:" + dir.resolve("absent.yaml") + ", classpath:config/services.yaml", loader).read();
		assertThat(packaged.person("oncall")).isPresent();

		assertThatThrownBy(() -> new RosterFiles("file:" + dir.resolve("absent.yaml"), "classpath:config/services.yaml",
				loader)).isInstanceOf(RosterUnreadable.class)
			.hasMessageContaining("none of file:" + dir.resolve("absent.yaml") + " exists");
	}
}
