package io.firebreak.notification;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a notification kind from templates/mail/&lt;kind&gt;.html and .txt. Thymeleaf escapes
 * every value in the HTML part, so a title with markup arrives as text.
 */
@Component
class MailTemplates {

	record Rendered(String text, String html) {
	}

	private final SpringTemplateEngine engine;

	MailTemplates(SpringTemplateEngine engine) {
		this.engine = engine;
	}

	Rendered render(NotificationKind kind, Map<String, Object> model) {
		return render(kind.templateName(), model);
	}

	/** templates/mail/&lt;name&gt;.html and .txt, e.g. {@link RestrictedNotices#TEMPLATE}. */
	Rendered render(String name, Map<String, Object> model) {
		Context context = new Context(java.util.Locale.ENGLISH, model);
		return new Rendered(engine.process("mail/" + name + ".txt", context).strip() + "\n",
				engine.process("mail/" + name, context));
	}
}
