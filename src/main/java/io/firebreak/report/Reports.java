package io.firebreak.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import io.firebreak.incident.PostIncidentAnalysis;
import io.firebreak.incident.PostIncidentAnalysis.ActionItemLine;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;
import io.firebreak.security.NeedToKnow;

/**
 * Makes the reports: checks the filters a person or client sent, reads the period's incidents in
 * one query, takes the overdue action items from the postmortem follow-up (overdue by its own rule,
 * as the dashboard shows them), and computes the figures. The figures count every incident, security
 * ones too: they name none. The overdue action items do, so they keep to those the reader may see.
 */
@Service
class Reports {

	private final IncidentTimesRepository incidents;
	private final PostIncidentAnalysis analysis;
	private final Roster roster;
	private final Clock clock;
	private final NeedToKnow needToKnow;

	Reports(IncidentTimesRepository incidents, PostIncidentAnalysis analysis, Roster roster, Clock clock,
			NeedToKnow needToKnow) {
		this.incidents = incidents;
		this.needToKnow = needToKnow;
		this.analysis = analysis;
		this.roster = roster;
		this.clock = clock;
	}

	/**
	 * The filters as sent (see {@link ReportFilter#of}); a service is known when it is configured or
	 * some incident was declared for it.
	 */
	ReportFilter filter(String from, String to, String service, String severity) {
		return ReportFilter.of(from, to, service, severity, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
				services(service));
	}

	/** The report as {@code reader} may read it. */
	Report report(ReportFilter filter, Authentication reader) {
		Instant now = clock.instant();
		return ReportFigures.compute(filter, incidents.declaredIn(filter), overdueActionItems(now, reader), now);
	}

	/** Every service a report may be asked for, by id. */
	List<String> services() {
		TreeSet<String> services = new TreeSet<>(roster.services().stream().map(OwnedService::id).toList());
		services.addAll(incidents.servicesWithIncidents());
		return List.copyOf(services);
	}

	// the configured services answer most requests without a query
	private List<String> services(String asked) {
		List<String> configured = roster.services().stream().map(OwnedService::id).toList();
		return asked == null || asked.isBlank() || configured.contains(asked.strip()) ? configured : services();
	}

	/** Overdue now, of any incident; the figures keep those of the filter's service and severity, never a drill's. */
	private List<OverdueActionItem> overdueActionItems(Instant now, Authentication reader) {
		List<ActionItemLine> overdue = needToKnow.only(
				analysis.openActionItems(now).stream().filter(ActionItemLine::overdue).toList(),
				item -> item.incident().value(), reader);
		Map<String, IncidentTimesRepository.IncidentFacts> facts = incidents
			.facts(overdue.stream().map(item -> item.incident().value()).distinct().toList());
		return overdue.stream()
			.filter(item -> facts.containsKey(item.incident().value()))
			.map(item -> {
				IncidentTimesRepository.IncidentFacts incident = facts.get(item.incident().value());
				return new OverdueActionItem(item.incident().value(), item.title(), item.owner(), item.ownerName(),
						item.dueDate(), item.priority(), incident.service(), incident.severity(), incident.drill());
			})
			.toList();
	}
}
