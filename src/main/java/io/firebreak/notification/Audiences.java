package io.firebreak.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.firebreak.incident.IncidentType;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterCheck;
import io.firebreak.roster.RosterGroup;

/** The audiences of {@code config/audiences.yaml}, checked against the roster at start-up. */
@Component
public class Audiences implements RosterCheck {

	record AudiencesFile(List<Audience> audiences) {
	}

	static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");
	static final List<String> TYPES = java.util.Arrays.stream(IncidentType.values()).map(IncidentType::value).toList();
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Drills are "sent only to responders": these roles still receive drill mail. */
	static final List<String> DRILL_ROLES = List.of(RosterGroup.RESPONDERS.id(), RosterGroup.INCIDENT_COMMANDERS.id());

	private final Map<String, Audience> audiences = new LinkedHashMap<>();
	private final Roster roster;

	Audiences(@Value("${firebreak.audiences.location}") Resource file, Roster roster) throws IOException {
		this.roster = roster;
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
			.enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
		try (InputStream in = file.getInputStream()) {
			List<Audience> loaded = yaml.readValue(in, AudiencesFile.class).audiences();
			List<String> problems = new ArrayList<>();
			for (Audience audience : loaded == null ? List.<Audience>of() : loaded) {
				problems.addAll(problems(audience));
				audiences.put(audience.id(), audience);
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException("config/audiences.yaml has mistakes:\n  " + String.join("\n  ", problems));
			}
		}
	}

	private List<String> problems(Audience audience) {
		List<String> problems = new ArrayList<>();
		String where = "audience '" + audience.id() + "'";
		audience.roles().stream().filter(role -> !RosterGroup.ids().contains(role))
			.forEach(role -> problems.add(where + ": roles names '" + role + "', which is not one of " + RosterGroup.ids()));
		audience.people().stream().filter(id -> roster.person(id).isEmpty())
			.forEach(id -> problems.add(where + ": people names '" + id + "', who is not in the roster"));
		audience.severities().stream().filter(severity -> !SEVERITIES.contains(severity))
			.forEach(severity -> problems.add(where + ": severities names '" + severity + "', which is not one of "
					+ SEVERITIES));
		audience.types().stream().filter(type -> !TYPES.contains(type))
			.forEach(type -> problems.add(where + ": types names '" + type + "', which is not one of " + TYPES));
		audience.mail().stream().filter(address -> address == null || !EMAIL.matcher(address).matches())
			.forEach(address -> problems.add(where + ": mail '" + address + "' is not an address"));
		for (Audience.ChatTarget chat : audience.chat()) {
			if (chat.type() == null || chat.type() == Channel.EMAIL) {
				problems.add(where + ": chat '" + chat.name() + "' needs type slack (also Mattermost) or teams");
			}
			if (chat.url() == null || !(chat.url().startsWith("https://") || chat.url().startsWith("http://"))
					|| !validUri(chat.url())) {
				problems.add(where + ": chat '" + chat.name() + "' needs an http(s) webhook url");
			}
		}
		return problems;
	}

	private static boolean validUri(String url) {
		try {
			return URI.create(url).getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** A reload must keep everyone an audience names on the roster. */
	@Override
	public List<String> problems(Roster candidate) {
		List<String> problems = new ArrayList<>();
		audiences.values().forEach(audience -> audience.people().stream().filter(id -> candidate.person(id).isEmpty())
			.forEach(id -> problems.add("config/audiences.yaml: audience '" + audience.id() + "': people names '" + id
					+ "', who is not in the roster any more; take them out of the audience first")));
		return problems;
	}

	public Audience require(String id) {
		return Optional.ofNullable(audiences.get(id))
			.orElseThrow(() -> new IllegalStateException("No audience '" + id + "' in config/audiences.yaml"));
	}

	/** Every audience, in the file's order. */
	public List<Audience> all() {
		return List.copyOf(audiences.values());
	}

	/**
	 * The audiences an incident of {@code severity} and {@code type} reaches. A drill reaches only
	 * audiences of the tactical part, and of those only responders and drill-enabled chats (see
	 * {@link #emailsOf}).
	 */
	public List<Audience> reachedBy(String severity, String type, boolean drill) {
		return audiences.values().stream()
			.filter(audience -> audience.receives() != Audience.Part.FINDINGS && audience.reachedBy(severity, type))
			.filter(audience -> !drill || audience.receives() == Audience.Part.TACTICAL)
			.toList();
	}

	/** Whether the audience hears about incidents of {@code severity} and {@code type} (a drill: never customers or executives). */
	public boolean reaches(String audienceId, String severity, String type, boolean drill) {
		return reachedBy(severity, type, drill).stream().anyMatch(audience -> audience.id().equals(audienceId));
	}

	/**
	 * The mail addresses of an audience: its people, everyone holding its roles and its mailing
	 * lists; for drills, responders only, and never a list (lists reach people outside the roster).
	 */
	public List<String> emailsOf(String audienceId, boolean drill) {
		Audience audience = require(audienceId);
		Map<String, Person> people = new LinkedHashMap<>();
		audience.roles().forEach(role -> roster.membersOf(RosterGroup.valueOf(role.toUpperCase().replace('-', '_')))
			.forEach(person -> people.putIfAbsent(person.id(), person)));
		audience.people().forEach(id -> roster.person(id).ifPresent(person -> people.putIfAbsent(id, person)));
		List<String> emails = new ArrayList<>(people.values().stream()
			.filter(person -> !drill || person.groups().stream().anyMatch(DRILL_ROLES::contains))
			.map(Person::email)
			.toList());
		if (!drill) {
			audience.mail().stream().filter(address -> !emails.contains(address)).forEach(emails::add);
		}
		return List.copyOf(emails);
	}

	public List<Audience.ChatTarget> chatsOf(String audienceId, boolean drill) {
		return require(audienceId).chat().stream().filter(chat -> !drill || chat.drills()).toList();
	}

	public Optional<Audience.ChatTarget> chat(String audienceId, String chatName) {
		return Optional.ofNullable(audiences.get(audienceId))
			.flatMap(audience -> audience.chat().stream().filter(chat -> chat.name().equals(chatName)).findFirst());
	}
}
