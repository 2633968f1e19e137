package io.firebreak.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda's REST API (/engine-rest): HTTP Basic against Camunda identity, and readable form rejections. */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("engine-rest-authentication");
		return registration;
	}

	@Bean
	ResourceConfigCustomizer rejectedFormSubmissions() {
		return config -> config.register(RejectedFormSubmissionMapper.class);
	}
}
