package io.firebreak.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link IncidentRetirement} on its schedule, firebreak.retention.cron ("-" turns it off). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {
}
