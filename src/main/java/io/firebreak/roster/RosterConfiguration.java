package io.firebreak.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

	record RosterFile(List<Person> people, List<Team> teams) {
	}

	record ServicesFile(Map<String, String> plans, List<OwnedService> services, String triageService) {
	}

	@Bean
	Roster roster(@Value("${firebreak.roster.location}") Resource rosterFile,
			@Value("${firebreak.services.location}") Resource servicesFile) throws IOException {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try (InputStream rosterIn = rosterFile.getInputStream(); InputStream servicesIn = servicesFile.getInputStream()) {
			RosterFile roster = yaml.readValue(rosterIn, RosterFile.class);
			ServicesFile services = yaml.readValue(servicesIn, ServicesFile.class);
			return new Roster(roster.people(), roster.teams(), services.services(), services.triageService(),
					services.plans());
		}
	}
}
