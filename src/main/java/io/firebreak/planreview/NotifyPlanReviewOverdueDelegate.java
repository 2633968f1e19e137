package io.firebreak.planreview;

import static io.firebreak.planreview.PlanReviewVariables.REVIEW_ID;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterGroup;

/**
 * The "Plan review overdue" building block (template {@code io.firebreak.PlanReviewOverdue}): mails the
 * Firebreak admins (the roster's firebreak-admins) that a plan's review is past its due date, whose it
 * is and where to find it. Each time the overdue timer fires is one more escalation with a mail of its
 * own; a retried job finds its mail queued already and does not send it twice.
 */
@Component
public class NotifyPlanReviewOverdueDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(NotifyPlanReviewOverdueDelegate.class);
	static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final PlanReviewRepository reviews;
	private final Roster roster;
	private final NotificationDeliveries deliveries;
	private final String baseUrl;

	NotifyPlanReviewOverdueDelegate(PlanReviewRepository reviews, Roster roster, NotificationDeliveries deliveries,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.reviews = reviews;
		this.roster = roster;
		this.deliveries = deliveries;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long id = ((Number) execution.getVariable(REVIEW_ID)).longValue();
		PlanReview review = reviews.find(id).orElseThrow(() -> new IllegalStateException("No plan review " + id));
		if (!review.open()) {
			return; // reviewed while this job waited: nobody needs telling
		}
		List<String> admins = roster.membersOf(RosterGroup.FIREBREAK_ADMINS).stream().map(Person::email).toList();
		if (admins.isEmpty()) {
			log.warn("The review of plan {} is overdue, and the roster has nobody in {} to tell", review.planKey(),
					RosterGroup.FIREBREAK_ADMINS.id());
			return;
		}
		int escalation = reviews.escalated(id);
		String owner = review.owner() == null ? "any plan author (group plan-authors)"
				: roster.person(review.owner()).map(person -> person.name() + " (" + person.id() + ")").orElse(review.owner());
		Map<String, Object> model = Map.of("planTitle", review.planTitle(), "planKey", review.planKey(),
				"planVersion", review.planVersion(), "owner", owner, "dueDate", DUE.format(review.due()),
				"escalation", escalation, "baseUrl", baseUrl);
		deliveries.queueEach(List.of(new NotificationRequest("plan-review/" + id + "/overdue/" + escalation, null,
				NotificationKind.PLAN_REVIEW_OVERDUE, Channel.EMAIL, admins,
				"Overdue plan review: " + review.planTitle() + " v" + review.planVersion() + " (due " + DUE.format(review.due())
						+ ")",
				false, model)));
	}
}
