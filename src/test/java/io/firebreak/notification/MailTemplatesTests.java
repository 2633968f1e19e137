package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentKey;
import io.firebreak.roster.Roster;

/** Every kind renders both parts, marks drills, and escapes what people typed. */
@FirebreakSpringTest
class MailTemplatesTests {

	@Autowired
	MailTemplates templates;

	@Autowired
	Roster roster;

	@ParameterizedTest
	@EnumSource(NotificationKind.class)
	void rendersTextAndEscapedHtml(NotificationKind kind) {
		Incident incident = Incident.declare(IncidentKey.of(2026, 42), IncidentDeclaration.of("Cart <img src=x onerror=alert(1)>",
				"It & its friends", "checkout", "significant", "high", null, true), "ic", Instant.now(), "pi");
		Map<String, Object> model = Map.ofEntries(Map.entry("incident", incident),
				Map.entry("responder", roster.person("oncall").orElseThrow()), Map.entry("baseUrl", "https://fb.example"),
				Map.entry("level", 1), Map.entry("unacknowledgedBy", "oncall2"),
				Map.entry("stepDescription", "Secondary on-call of Platform"), Map.entry("ackTimeoutMinutes", 5L),
				Map.entry("acknowledgeUrl", "https://fb.example/acknowledge/token"),
				Map.entry("currentStatus", "Mitigating"), Map.entry("overview", "Card payments fail"),
				Map.entry("nextSteps", "Roll back"), Map.entry("serviceName", "Checkout <Service>"),
				Map.entry("statusLabel", "Identified"), Map.entry("message", "Some payments <fail>; we found why."),
				Map.entry("resolutionSummary", "Rolled <back>"), Map.entry("conditions", "Errors at 5%"),
				Map.entry("actions", "Rolling back"), Map.entry("needs", "Nothing"), Map.entry("nextUpdate", "14:30 UTC"),
				Map.entry("reviewSummary", "Config drift"), Map.entry("actionItem", "Add canary"),
				Map.entry("dueDate", "2026-12-01"), Map.entry("overdue", true), Map.entry("owner", "oncall2 <b>"),
				Map.entry("reviewWhen", "Tue 1 Dec 2026, 14:00–15:00 UTC"),
				Map.entry("organizer", "Iris <Commander>"), Map.entry("participants", List.of("Omar Oncall", "Ann <b>")),
				Map.entry("when", "+10 min"), Map.entry("inject", "The database <fails> over"),
				Map.entry("alerts", List.of("DatabaseFailover <primary>")),
				Map.entry("obligation", new io.firebreak.security.BreachObligation("INC-2026-0042", "notify-ico",
						"the ICO <UK>", "UK GDPR Art. 33 <72 h>", Instant.now(), Instant.now(), null, null, null, null,
						null, null, null, null)),
				Map.entry("missed", false));

		if (kind == NotificationKind.CUSTOMER_UPDATE) {
			// Notify audiences gives the customer part no incident at all
			Map<String, Object> customers = new java.util.HashMap<>(model);
			customers.remove("incident");
			model = customers;
		}
		if (kind == NotificationKind.PLAN_REVIEW_OVERDUE) {
			// about a plan, not an incident: the admins hear which plan and whose review it is
			MailTemplates.Rendered review = templates.render(kind, Map.of("planTitle", "Incident <response>",
					"planKey", "incident-response", "planVersion", 3, "owner", "Arthur <Author>", "dueDate",
					"2026-12-13 09:00 UTC", "escalation", 2, "baseUrl", "https://fb.example"));
			assertThat(review.text()).contains("Overdue plan review: Incident <response>, version 3",
					"was due 2026-12-13 09:00 UTC", "It waits for Arthur <Author>.", "This is reminder 2.",
					"https://fb.example/plans/incident-response").doesNotContain("[(", "DRILL");
			assertThat(review.html()).contains("Incident &lt;response&gt;", "href=\"https://fb.example/plans/incident-response\"")
				.doesNotContain("DRILL");
			return;
		}
		MailTemplates.Rendered rendered = templates.render(kind, model);
		if (kind == NotificationKind.CUSTOMER_UPDATE) {
			// customers get what was written for them, never the incident's internal title or key
			assertThat(rendered.text()).contains("Checkout <Service>: Identified", "Some payments <fail>; we found why.")
				.doesNotContain("Cart", "INC-2026-0042", "DRILL");
			assertThat(rendered.html()).contains("Some payments &lt;fail&gt;; we found why.").doesNotContain("Cart");
			return;
		}

		assertThat(rendered.text()).contains("INC-2026-0042").doesNotContain("[(");
		assertThat(rendered.html()).contains("INC-2026-0042").doesNotContain("<img src=x");
		if (kind == NotificationKind.PAGE || kind == NotificationKind.ESCALATION) {
			assertThat(rendered.text()).as("the page acknowledges without signing in")
				.contains("Acknowledge now (no sign-in, within 5 min): https://fb.example/acknowledge/token");
			assertThat(rendered.html()).contains("href=\"https://fb.example/acknowledge/token\"");
		}
		if (kind == NotificationKind.REVIEW_INVITATION) {
			assertThat(rendered.text()).contains("When:      Tue 1 Dec 2026, 14:00–15:00 UTC", "Who:       Omar Oncall, Ann <b>",
					"Times are in UTC", "https://fb.example/postmortems/INC-2026-0042");
			assertThat(rendered.html()).contains("Iris &lt;Commander&gt;", "Omar Oncall, Ann &lt;b&gt;",
					"href=\"https://fb.example/postmortems/INC-2026-0042\"");
		}
		if (kind == NotificationKind.BREACH_DEADLINE) {
			assertThat(rendered.text()).contains("+10 min", "UK GDPR Art. 33 <72 h>", "https://fb.example/incidents/INC-2026-0042");
			assertThat(rendered.html()).contains("UK GDPR Art. 33 &lt;72 h&gt;");
		}
		if (kind == NotificationKind.DRILL_INJECT) {
			assertThat(rendered.text()).contains("+10 min into the drill", "The database <fails> over",
					"- DatabaseFailover <primary>");
			assertThat(rendered.html()).contains("The database &lt;fails&gt; over", "DatabaseFailover &lt;primary&gt;");
		}
		if (kind == NotificationKind.ACTION_ITEM_REMINDER) {
			assertThat(rendered.text()).as("overdue: the owner's team hears whose it is").contains("Overdue action item",
					"owner oncall2 <b>", "https://fb.example/camunda/app/tasklist/");
			assertThat(rendered.html()).contains("Owner: oncall2 &lt;b&gt;");
		}
		if (kind != NotificationKind.POSTMORTEM_PUBLISHED && kind != NotificationKind.ACTION_ITEM_REMINDER) {
			assertThat(rendered.text()).contains("DRILL");
			assertThat(rendered.html()).contains("DRILL").contains("Cart &lt;img src=x onerror=alert(1)&gt;");
		}
	}

	@Test
	void theRestrictedNoticeSaysOnlyThatThereIsNewsAndWhereToReadIt() {
		MailTemplates.Rendered rendered = templates.render(RestrictedNotices.TEMPLATE, Map.of(RestrictedNotices.REDACTED,
				true, "incidentKey", "INC-2026-0042", "severity", "SEV2", "drill", false, "news", "you are paged", "baseUrl",
				"https://fb.example", "acknowledgeUrl", "https://fb.example/acknowledge/token"));

		assertThat(rendered.text()).contains("Security incident INC-2026-0042 (SEV2): you are paged.",
				"Acknowledge now (no sign-in): https://fb.example/acknowledge/token",
				"Sign in to read it: https://fb.example/incidents/INC-2026-0042").doesNotContain("[(", "DRILL");
		assertThat(rendered.html()).contains("href=\"https://fb.example/incidents/INC-2026-0042\"")
			.contains("<title>Firebreak</title>");
	}
}
