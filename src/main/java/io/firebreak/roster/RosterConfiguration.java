package io.firebreak.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

	@Bean
	Roster roster(RosterFiles files) {
		return files.read();
	}
}
