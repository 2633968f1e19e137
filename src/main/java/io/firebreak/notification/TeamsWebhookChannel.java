package io.firebreak.notification;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Microsoft Teams incoming webhook (Workflows): a message carrying an Adaptive Card. */
@Component
class TeamsWebhookChannel extends ChatWebhookChannel {

	TeamsWebhookChannel(Audiences audiences, @Value("${firebreak.base-url}") String baseUrl) {
		super(audiences, baseUrl);
	}

	@Override
	public Channel channel() {
		return Channel.TEAMS;
	}

	@Override
	Object payload(Notification notification) {
		Map<String, Object> card = Map.of(
				"$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
				"type", "AdaptiveCard",
				"version", "1.4",
				"body", List.of(
						Map.of("type", "TextBlock", "text", notification.subject(), "weight", "Bolder", "size", "Medium",
								"wrap", true),
						Map.of("type", "TextBlock", "text", notification.text(), "wrap", true)),
				"actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open incident", "url",
						incidentUrl(notification))));
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}
}
