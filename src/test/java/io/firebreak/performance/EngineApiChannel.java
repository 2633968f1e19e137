package io.firebreak.performance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Works incidents through Camunda's Java API in this JVM, as IncidentResponseDriver does: tasks
 * through TaskService, each completed as the person who would do it. On Firebreak that person is
 * signed in with their roster groups (Camunda checks their authorizations and Firebreak's
 * listeners see who did it); the bare engine has no one to sign in.
 */
public final class EngineApiChannel implements IncidentChannel {

	/** Starts incident number n (a process start, or a declaration) and answers its key. */
	@FunctionalInterface
	public interface Start {
		String start(EngineApiChannel api, int n) throws Exception;
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ProcessEngine engine;
	private final Start start;
	private final Function<String, List<String>> groupsOf;

	/** {@code groupsOf} null: nobody signs in (the bare engine). */
	public EngineApiChannel(ProcessEngine engine, Start start, Function<String, List<String>> groupsOf) {
		this.engine = engine;
		this.start = start;
		this.groupsOf = groupsOf;
	}

	@Override
	public String start(int n) throws Exception {
		return start.start(this, n);
	}

	@Override
	public List<OpenTask> openTasks(String key) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list().stream()
			.map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee()))
			.toList();
	}

	@Override
	public void complete(OpenTask task, String user, Map<String, Object> form) {
		TaskService tasks = engine.getTaskService();
		Map<String, Object> variables = new HashMap<>();
		// a taglist arrives as JSON text, as Tasklist submits it
		form.forEach((name, value) -> variables.put(name, value instanceof List<?> list
				? SpinValues.jsonValue(json(list)).create() : value));
		try {
			as(user, () -> tasks.complete(task.id(), variables));
		}
		catch (OptimisticLockingException e) {
			throw new ConcurrentChange(e.getMessage(), e);
		}
	}

	@Override
	public boolean running(String key) {
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0;
	}

	@Override
	public String mode() {
		return "api";
	}

	/** Runs {@code work} signed in as {@code user} with their groups (Firebreak), or as nobody (bare). */
	public void as(String user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

	public <T> T as(String user, java.util.function.Supplier<T> work) {
		if (groupsOf == null) {
			return work.get();
		}
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(user, groupsOf.apply(user));
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
