package io.firebreak.incident;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.notification.Outbox;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The dashboard of open incidents and one page per incident. */
@Controller
class IncidentPageController {

	private final IncidentRepository incidents;
	private final TimelineRepository timeline;
	private final TaskService tasks;
	private final Outbox outbox;

	IncidentPageController(IncidentRepository incidents, TimelineRepository timeline, TaskService tasks,
			Outbox outbox) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.tasks = tasks;
		this.outbox = outbox;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("open", incidents.findOpen());
		model.addAttribute("recent", incidents.findRecent(20).stream().filter(i -> !i.status().isOpen()).toList());
		return "incident/dashboard";
	}

	@GetMapping("/incidents/{key}")
	String incident(@PathVariable String key, Model model) {
		Incident incident = IncidentKey.isWellFormed(key) ? incidents.findByKey(new IncidentKey(key)).orElse(null) : null;
		if (incident == null) {
			throw new ResponseStatusException(NOT_FOUND, "No incident " + key);
		}
		List<Task> openTasks = tasks.createTaskQuery().processInstanceBusinessKey(key).initializeFormKeys().list();
		model.addAttribute("incident", incident);
		model.addAttribute("timeline", timeline.findByIncident(incident.key()));
		model.addAttribute("tasks", openTasks);
		model.addAttribute("mails", outbox.forIncident(key));
		return "incident/incident";
	}
}
