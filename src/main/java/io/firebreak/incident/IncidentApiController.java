package io.firebreak.incident;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.firebreak.security.NeedToKnow;
import io.firebreak.system.InvalidInput;

@RestController
@RequestMapping("/api/incidents")
class IncidentApiController {

	/** The declaration as posted; every field is checked by {@link IncidentDeclaration#of}. */
	record DeclarationRequest(String title, String summary, String service, String impact, String urgency, String type,
			Boolean drill) {
	}

	private final IncidentDeclarations declarations;
	private final IncidentRepository incidents;
	private final IncidentTimeline timeline;
	private final IncidentRoles roles;
	private final NeedToKnow needToKnow;

	IncidentApiController(IncidentDeclarations declarations, IncidentRepository incidents,
			IncidentTimeline timeline, IncidentRoles roles, NeedToKnow needToKnow) {
		this.needToKnow = needToKnow;
		this.declarations = declarations;
		this.incidents = incidents;
		this.timeline = timeline;
		this.roles = roles;
	}

	@PostMapping
	ResponseEntity<IncidentView> declare(@RequestBody(required = false) DeclarationRequest request) {
		if (request == null) {
			throw new InvalidInput("body", "send a JSON object with title, service, impact and urgency");
		}
		IncidentKey key = declarations.declare(IncidentDeclaration.of(request.title(), request.summary(),
				request.service(), request.impact(), request.urgency(), request.type(), request.drill()));
		// the declarer is answered what they declared, though a security incident is not theirs to see from now on
		Incident declared = incidents.findByKey(key).orElseThrow(() -> new IncidentNotFound(key));
		return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{key}").build(key.value()))
			.body(IncidentView.of(declared));
	}

	@GetMapping
	List<IncidentView> list(@RequestParam(defaultValue = "false") boolean open, Authentication signedIn) {
		return needToKnow.visible(open ? incidents.findOpen() : incidents.findRecent(500), signedIn).stream()
			.map(IncidentView::of)
			.toList();
	}

	@GetMapping("/{key}")
	IncidentView get(@PathVariable String key, Authentication signedIn) {
		return IncidentView.of(needToKnow.find(key, signedIn));
	}

	@GetMapping("/{key}/timeline")
	List<IncidentTimeline.Entry> timeline(@PathVariable String key, Authentication signedIn) {
		return timeline.of(needToKnow.find(key, signedIn).key());
	}

	/** Hands a role over (or takes command); answers the incident as it now is. */
	@PostMapping("/{key}/roles")
	IncidentView handOver(@PathVariable String key, @RequestBody(required = false) IncidentRoles.HandOver request,
			Authentication signedIn) {
		if (request == null) {
			throw new InvalidInput("body", "send a JSON object with role (commander, communicationsLead or scribe),"
					+ " person and an optional note");
		}
		needToKnow.find(key, signedIn);
		return IncidentView.of(roles.handOver(key, request, IncidentRoles.Actor.of(signedIn)));
	}
}
