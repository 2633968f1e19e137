package io.firebreak.notification;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts to a chat incoming webhook found by the notification's recipient, {@code audience/chat}.
 * A 4xx other than 408/429 means the webhook or payload is wrong: retrying cannot help, so the
 * failure is permanent. The webhook URL is a secret and never appears in a message.
 */
abstract class ChatWebhookChannel implements NotificationChannel {

	private final Audiences audiences;
	private final RestClient http;
	private final String baseUrl;

	ChatWebhookChannel(Audiences audiences, String baseUrl) {
		this.audiences = audiences;
		this.baseUrl = baseUrl;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** The JSON body this chat's webhook expects. */
	abstract Object payload(Notification notification);

	@Override
	public NotificationStatus deliver(Notification notification) {
		String[] target = notification.recipients().split("/", 2);
		Audience.ChatTarget chat = audiences.chat(target[0], target.length > 1 ? target[1] : "")
			.orElseThrow(() -> new DeliveryFailure("Chat " + notification.recipients()
					+ " is no longer in config/audiences.yaml", true, null));
		try {
			http.post().uri(chat.url()).contentType(MediaType.APPLICATION_JSON).body(payload(notification))
				.retrieve()
				.toBodilessEntity();
			return NotificationStatus.SENT;
		}
		catch (RestClientResponseException e) {
			HttpStatusCode status = e.getStatusCode();
			boolean permanent = status.is4xxClientError() && status.value() != 408 && status.value() != 429;
			throw new DeliveryFailure("Chat " + notification.recipients() + " (" + channel().name().toLowerCase()
					+ ") answered " + status.value() + (permanent ? "; check its webhook URL in config/audiences.yaml"
							: "; will retry"), permanent, e);
		}
		catch (ResourceAccessException e) {
			throw new DeliveryFailure("Chat " + notification.recipients() + " (" + channel().name().toLowerCase()
					+ ") could not be reached: " + e.getMostSpecificCause().getMessage(), false, e);
		}
	}

	String incidentUrl(Notification notification) {
		return notification.incidentKey() == null ? baseUrl : baseUrl + "/incidents/" + notification.incidentKey();
	}
}
