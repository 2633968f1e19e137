package io.firebreak.notification;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The sends a notification to an audience consists of, for the plan's multi-instance notify
 * steps ({@code ${notificationTargets.forAudience('stakeholders', drill)}}): one for the
 * audience's mail, one per chat channel. Each becomes its own job, retried on its own.
 */
@Component
public class NotificationTargets {

	static final String EMAIL = "email";

	private final Audiences audiences;

	NotificationTargets(Audiences audiences) {
		this.audiences = audiences;
	}

	public List<String> forAudience(String audienceId, boolean drill) {
		List<String> targets = new ArrayList<>();
		if (!audiences.emailsOf(audienceId, drill).isEmpty()) {
			targets.add(EMAIL);
		}
		audiences.chatsOf(audienceId, drill).forEach(chat -> targets.add(chat.type().name() + ":" + chat.name()));
		return targets;
	}

	/** Builds the request for one target; the model feeds the kind's templates. */
	public NotificationRequest request(String audienceId, String target, String keyPrefix, String incidentKey,
			NotificationKind kind, String subject, boolean drill, java.util.Map<String, Object> model) {
		if (EMAIL.equals(target)) {
			return new NotificationRequest(keyPrefix + "/email", incidentKey, kind, Channel.EMAIL,
					audiences.emailsOf(audienceId, drill), subject, drill, model);
		}
		String[] chat = target.split(":", 2);
		return new NotificationRequest(keyPrefix + "/" + target, incidentKey, kind, Channel.valueOf(chat[0]),
				List.of(audienceId + "/" + chat[1]), subject, drill, model);
	}
}
