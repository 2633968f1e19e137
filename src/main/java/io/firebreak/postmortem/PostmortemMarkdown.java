package io.firebreak.postmortem;

import static io.firebreak.postmortem.MarkdownText.block;
import static io.firebreak.postmortem.MarkdownText.line;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;

/**
 * The postmortem report as Markdown: the file {@code /postmortems/{key}.md} serves, and what its
 * HTML page and PDF are made from. Every value is escaped ({@link MarkdownText}), so what people
 * wrote shows as they wrote it and never as markup, links or HTML.
 */
@Component
public class PostmortemMarkdown {

	static final String NOT_WRITTEN = "_Not written yet._";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String render(PostmortemReport report) {
		Incident incident = report.incident();
		Postmortem postmortem = report.postmortem();
		PostmortemSections s = postmortem.sections();
		StringBuilder md = new StringBuilder();
		md.append("# Postmortem ").append(line(incident.key().value())).append(": ").append(line(incident.title()))
			.append("\n\n");
		md.append(postmortem.published()
				? "**Published** " + when(postmortem.publishedAt()) + ", approved by " + line(postmortem.approvedBy())
				: "**Draft**: not reviewed and approved yet")
			.append("\n\n");
		fact(md, "Incident", incident.key().value());
		if (incident.drill()) {
			fact(md, "Drill", "yes: a practice incident, not a real one");
		}
		fact(md, "Service", incident.service());
		fact(md, "Severity", incident.severity() == null ? "not triaged" : incident.severity().name());
		fact(md, "Incident commander", incident.commander());
		fact(md, "Postmortem owner", postmortem.owner());
		fact(md, "Declared", when(incident.declaredAt()));
		fact(md, "Resolved", incident.resolvedAt() == null ? "not yet" : when(incident.resolvedAt()));
		fact(md, "Duration", duration(report.duration()));
		if (postmortem.reviewMeetingAt() != null) {
			fact(md, "Review meeting", when(postmortem.reviewMeetingAt()));
		}
		section(md, "Summary", block(s.summary()));
		String impact = (s.impactDuration() == null ? "" : "**Duration:** " + line(s.impactDuration()) + "\n\n")
				+ (s.usersAffected() == null ? "" : "**Users affected:** " + line(s.usersAffected()));
		section(md, "Impact", impact.strip());
		section(md, "Root causes", block(s.rootCauses()));
		section(md, "Trigger", block(s.trigger()));
		section(md, "Detection", block(s.detection()));
		section(md, "Resolution", block(s.resolution()));
		section(md, "Contributing factors", block(s.contributingFactors()));
		section(md, "What went well", block(s.wentWell()));
		section(md, "What went wrong", block(s.wentWrong()));
		section(md, "Where we got lucky", block(s.gotLucky()));
		section(md, "Lessons learned", block(s.lessonsLearned()));
		actionItems(md, report.actionItems(), s.noActionItemsReason(), postmortem.published());
		timeline(md, postmortem.timeline());
		return md.toString();
	}

	private static void fact(StringBuilder md, String name, String value) {
		md.append("- **").append(name).append(":** ").append(value == null ? "nobody" : line(value)).append('\n');
	}

	private static void section(StringBuilder md, String heading, String body) {
		md.append("\n## ").append(heading).append("\n\n").append(body.isEmpty() ? NOT_WRITTEN : body).append('\n');
	}

	private static void actionItems(StringBuilder md, List<ActionItem> items, String noneReason, boolean published) {
		md.append("\n## Action items\n\n");
		if (items.isEmpty()) {
			md.append(noneReason != null ? "No action items: " + line(noneReason)
					: published ? "No action items." : "_None decided yet._").append('\n');
			return;
		}
		md.append("| # | Action | Type | Owner | Due | Priority | Status |\n|---|---|---|---|---|---|---|\n");
		for (ActionItem item : items) {
			String status = item.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
					+ (item.outcomeNote() == null ? "" : ": " + item.outcomeNote());
			row(md, String.valueOf(item.position()), item.title(), item.type().value(), item.owner(),
					item.dueDate().toString(), item.priority().value(), status);
		}
	}

	private static void timeline(StringBuilder md, List<TimelineEntry> entries) {
		md.append("\n## Timeline\n\n");
		if (entries.isEmpty()) {
			md.append("_Not assembled yet._\n");
			return;
		}
		md.append("| When | Source | Who | What |\n|---|---|---|---|\n");
		for (TimelineEntry entry : entries) {
			row(md, when(entry.at()), entry.source(), entry.actor() == null ? "Firebreak" : entry.actor(),
					entry.text());
		}
	}

	private static void row(StringBuilder md, String... cells) {
		md.append('|');
		for (String cell : cells) {
			// spaces around each cell: a cell ending in an escaped backslash keeps it off the pipe
			md.append(' ').append(line(cell)).append(" |");
		}
		md.append('\n');
	}

	private static String when(Instant at) {
		return at == null ? "" : WHEN.format(at);
	}

	static String duration(Duration duration) {
		if (duration == null) {
			return "ongoing";
		}
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " min";
		}
		long days = minutes / (24 * 60);
		long hours = minutes / 60 % 24;
		return (days > 0 ? days + " d " : "") + hours + " h " + minutes % 60 + " min";
	}
}
