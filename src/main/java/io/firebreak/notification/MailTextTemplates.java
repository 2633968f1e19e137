package io.firebreak.notification;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Plain-text mail bodies (templates/mail/*.txt) rendered in Thymeleaf's TEXT mode, beside the HTML ones. */
@Configuration(proxyBeanMethods = false)
class MailTextTemplates {

	@Bean
	ClassLoaderTemplateResolver mailTextTemplateResolver() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}
}
