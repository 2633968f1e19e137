package io.firebreak.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One of Firebreak's YAML files in {@code config/}, read so that a mistake names the file, the
 * path inside it and the line: the reader of the start-up log is the person who edited the file.
 */
public record ConfigFile(Resource resource, String name) {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	public ConfigFile(Resource resource) {
		this(resource, nameOf(resource));
	}

	/**
	 * The first of {@code locations} (comma-separated) that exists. The demo profile lists the
	 * working copy's {@code config/} before the packaged copy, so that an edit takes effect when run
	 * from the repository.
	 */
	public static Optional<ConfigFile> firstExisting(String locations, ResourceLoader resources) {
		List<Resource> candidates = Arrays.stream(locations.split(","))
			.map(String::strip)
			.filter(location -> !location.isEmpty())
			.map(resources::getResource)
			.toList();
		return candidates.stream().filter(Resource::exists).findFirst().map(ConfigFile::new);
	}

	/**
	 * The file as {@code type}; {@code unreadable} turns "file: what is wrong at path (line)" into the
	 * caller's own exception. An empty file is a mistake: it would silently mean "nothing configured".
	 */
	public <T> T read(Class<T> type, Function<String, ? extends RuntimeException> unreadable) {
		try (InputStream in = resource.getInputStream()) {
			T parsed = YAML.readValue(in, type);
			if (parsed == null) {
				throw unreadable.apply(name + ": is empty");
			}
			return parsed;
		}
		catch (JsonProcessingException e) {
			if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
				throw unreadable.apply(name + ": is empty");
			}
			// Jackson names the path (people[3]->timeZone) and the line; the file is ours to name
			throw unreadable.apply(name + ": " + e.getOriginalMessage() + " at " + pathOf(e, type));
		}
		catch (IOException e) {
			throw unreadable.apply(name + ": cannot be read (" + e.getMessage() + ")");
		}
	}

	private static String pathOf(JsonProcessingException e, Class<?> type) {
		String location = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
		if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return mapping.getPathReference().replace(type.getPackageName() + ".", "") + location;
		}
		return location.strip();
	}

	/** config/roster.yaml for a packaged file, the path given for one outside. */
	private static String nameOf(Resource file) {
		if (file instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		if (file instanceof FileSystemResource onDisk) {
			return onDisk.getPath();
		}
		try {
			// file:config/roster.yaml (the demo profile's) is a URL resource: name it by its path as well
			if (ResourceUtils.isFileURL(file.getURL())) {
				return file.getURL().getPath();
			}
		}
		catch (IOException notAUrl) {
			// fall through to the description
		}
		return file.getDescription();
	}
}
