package io.firebreak.incident;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.firebreak.notification.NotificationRepository;

/** The dashboard of open incidents, one page per incident, and the deep link from a page mail. */
@Controller
class IncidentPageController {

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	private final IncidentRepository incidents;
	private final IncidentTimeline timeline;
	private final TaskService tasks;
	private final NotificationRepository notifications;

	IncidentPageController(IncidentRepository incidents, IncidentTimeline timeline, TaskService tasks,
			NotificationRepository notifications) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.tasks = tasks;
		this.notifications = notifications;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("open", incidents.findOpen());
		model.addAttribute("recent", incidents.findRecent(20).stream().filter(i -> !i.status().isOpen()).toList());
		model.addAttribute("failedNotifications", notifications.failedForIncidentsNotClosed());
		return "incident/dashboard";
	}

	@GetMapping("/incidents/{key}")
	String incident(@PathVariable String key, Model model) {
		Incident incident = find(key);
		model.addAttribute("incident", incident);
		model.addAttribute("timeline", timeline.of(incident.key()));
		model.addAttribute("tasks", openTasks(key));
		model.addAttribute("tasklist", TASKLIST);
		model.addAttribute("notifications", notifications.forIncident(key));
		return "incident/incident";
	}

	/**
	 * Where a page mail's button leads: straight to the signed-in person's open task of the
	 * incident in Tasklist (the task does not exist yet when the page is sent), else the incident page.
	 */
	@GetMapping("/incidents/{key}/task")
	String myTask(@PathVariable String key, Principal principal) {
		find(key);
		return openTasks(key).stream()
			.min(Comparator.comparing((Task task) -> !principal.getName().equals(task.getAssignee())))
			.map(task -> "redirect:" + TASKLIST + "#/?task=" + task.getId())
			.orElse("redirect:/incidents/" + key);
	}

	private List<Task> openTasks(String key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc().list();
	}

	private Incident find(String key) {
		return incidents.findByKey(key).orElseThrow(() -> new IncidentNotFound(key));
	}
}
