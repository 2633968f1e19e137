package io.firebreak.incident;

import java.time.Clock;
import java.time.Duration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.roster.Person;
import io.firebreak.roster.Role;
import io.firebreak.roster.Roster;
import io.firebreak.security.NeedToKnow;
import io.firebreak.system.Forbidden;
import io.firebreak.system.InvalidInput;

/**
 * The dashboard of open incidents, open action items and overdue plan reviews, one page per incident (with its role
 * holders, the forms to hand a role over, and its postmortem), and the deep link from a page mail.
 */
@Controller
class IncidentPageController {

	static final String TASKLIST = "/camunda/app/tasklist/default/";
	/** How long the dashboard still warns of a closed incident's failed notice. */
	static final Duration FAILED_NOTICES_OUTLIVE_CLOSING = Duration.ofDays(1);

	/**
	 * One role on the incident page: who holds it, and whom the signed-in person may hand it to
	 * (empty when they may not hand it over).
	 */
	record RoleHolder(Role role, String person, String name, List<Person> handOverTo) {
	}

	private final IncidentRepository incidents;
	private final IncidentTimeline timeline;
	private final TaskService tasks;
	private final NotificationRepository notifications;
	private final IncidentRoles roles;
	private final Roster roster;
	private final Clock clock;
	private final ObjectProvider<PostIncidentAnalysis> analysis;
	private final ObjectProvider<OverduePlanReviews> planReviews;
	private final NeedToKnow needToKnow;

	IncidentPageController(IncidentRepository incidents, IncidentTimeline timeline, TaskService tasks,
			NotificationRepository notifications, IncidentRoles roles, Roster roster, Clock clock,
			ObjectProvider<PostIncidentAnalysis> analysis, ObjectProvider<OverduePlanReviews> planReviews,
			NeedToKnow needToKnow) {
		this.needToKnow = needToKnow;
		this.clock = clock;
		this.analysis = analysis;
		this.planReviews = planReviews;
		this.incidents = incidents;
		this.timeline = timeline;
		this.tasks = tasks;
		this.notifications = notifications;
		this.roles = roles;
		this.roster = roster;
	}

	@GetMapping("/")
	String dashboard(Model model, Authentication signedIn) {
		model.addAttribute("open", needToKnow.visible(incidents.findOpen(), signedIn));
		model.addAttribute("recent", needToKnow.visible(incidents.findRecent(20).stream()
			.filter(i -> !i.status().isOpen()).toList(), signedIn));
		List<Notification> failed = notifications.failedToWarnOf(clock.instant().minus(FAILED_NOTICES_OUTLIVE_CLOSING));
		PostIncidentAnalysis followUp = analysis.getIfAvailable();
		List<PostIncidentAnalysis.ActionItemLine> actionItems = followUp == null ? List.of()
				: followUp.openActionItems(clock.instant());
		NeedToKnow.Clearance clearance = needToKnow.clearance(signedIn);
		model.addAttribute("failedNotifications", clearance.only(failed, Notification::incidentKey));
		model.addAttribute("actionItems", clearance.only(actionItems, item -> item.incident().value()));
		OverduePlanReviews reviews = planReviews.getIfAvailable();
		model.addAttribute("overduePlanReviews", reviews == null ? List.of() : reviews.overdue(clock.instant()));
		model.addAttribute("tasklist", TASKLIST);
		return "incident/dashboard";
	}

	@GetMapping("/incidents/{key}")
	String incident(@PathVariable String key, Model model, Authentication signedIn) {
		Incident incident = needToKnow.find(key, signedIn);
		IncidentRoles.Actor actor = IncidentRoles.Actor.of(signedIn);
		boolean open = incident.status() != IncidentStatus.CLOSED;
		model.addAttribute("incident", incident);
		// an operational incident has no data exposure to answer for: no privacy lead unless someone was given it
		model.addAttribute("roles", Arrays.stream(Role.values())
			.filter(role -> role != Role.PRIVACY_LEAD || incident.type() == IncidentType.SECURITY
					|| incident.privacyLead() != null)
			.map(role -> roleHolder(incident, role, open && roles.mayHandOver(incident, actor)))
			.toList());
		model.addAttribute("mayTakeOver", open && roles.mayTakeOver(incident, actor));
		model.addAttribute("timeline", timeline.of(incident.key()));
		model.addAttribute("tasks", openTasks(key));
		model.addAttribute("tasklist", TASKLIST);
		model.addAttribute("notifications", notifications.forIncident(key));
		PostIncidentAnalysis followUp = analysis.getIfAvailable();
		model.addAttribute("postmortem", followUp == null ? null : followUp.postmortemOf(incident.key(), clock.instant()).orElse(null));
		return "incident/incident";
	}

	/** The incident page's role forms: take command, or hand a role over. Back to the page, saying what happened. */
	@PostMapping("/incidents/{key}/roles")
	String handOver(@PathVariable String key, @RequestParam String role, @RequestParam String person,
			@RequestParam(required = false) String note, Authentication signedIn, RedirectAttributes redirect) {
		needToKnow.find(key, signedIn);
		try {
			Incident incident = roles.handOver(key, new IncidentRoles.HandOver(role, person, note),
					IncidentRoles.Actor.of(signedIn));
			Role handedOver = Role.of(role).orElseThrow();
			redirect.addFlashAttribute("handedOver", List.of(nameOf(incident.holder(handedOver)),
					handedOver.displayName().toLowerCase(Locale.ROOT)));
		}
		catch (InvalidInput | Forbidden | IllegalIncidentTransition refused) {
			redirect.addFlashAttribute("roleError", refused.getMessage());
		}
		return "redirect:/incidents/" + key;
	}

	/**
	 * Where a page mail's button leads: straight to the signed-in person's open task of the
	 * incident in Tasklist (the task does not exist yet when the page is sent), else the incident page.
	 */
	@GetMapping("/incidents/{key}/task")
	String myTask(@PathVariable String key, Authentication signedIn) {
		needToKnow.find(key, signedIn);
		return openTasks(key).stream()
			.min(Comparator.comparing((Task task) -> !signedIn.getName().equals(task.getAssignee())))
			.map(task -> "redirect:" + TASKLIST + "#/?task=" + task.getId())
			.orElse("redirect:/incidents/" + key);
	}

	private RoleHolder roleHolder(Incident incident, Role role, boolean mayHandOver) {
		String holder = incident.holder(role);
		List<Person> handOverTo = !mayHandOver ? List.of()
				: roster.pool(role).stream().filter(person -> !person.id().equals(holder)).toList();
		return new RoleHolder(role, holder, holder == null ? null : nameOf(holder), handOverTo);
	}

	private String nameOf(String personId) {
		return roster.person(personId).map(Person::name).orElse(personId);
	}

	private List<Task> openTasks(String key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc().list();
	}
}
