package io.firebreak.notification;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Slack's incoming-webhook format, which Mattermost accepts as well. */
@Component
class SlackWebhookChannel extends ChatWebhookChannel {

	SlackWebhookChannel(Audiences audiences, @Value("${firebreak.base-url}") String baseUrl) {
		super(audiences, baseUrl);
	}

	@Override
	public Channel channel() {
		return Channel.SLACK;
	}

	@Override
	Object payload(Notification notification) {
		String link = incidentUrl(notification);
		return Map.of("text", "*" + escape(notification.subject()) + "*\n" + escape(notification.text()) + "\n<" + link
				+ "|Open " + (notification.incidentKey() == null ? "Firebreak" : notification.incidentKey()) + ">");
	}

	/** Slack's three control characters; everything else is literal text. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
