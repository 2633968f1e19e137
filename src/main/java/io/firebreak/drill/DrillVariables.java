package io.firebreak.drill;

/**
 * The drill plan's variables beyond the declaration's own (title, service, ... which its call
 * activity hands to the response plan): named once, for the delegates, the API and the tests.
 */
public final class DrillVariables {

	/** The scenario's id: chosen on the start form or over the API; empty on a scheduled start. */
	public static final String SCENARIO = "drillScenario";
	/** The response plan the scenario runs, the call activity's {@code calledElement}. */
	public static final String PLAN = "drillPlan";
	/** Who started the drill (the start event's initiator); empty on a scheduled start. */
	public static final String STARTED_BY = "drillStartedBy";
	/** The injects as planned when the drill started: a list of {at, text, alerts}. */
	public static final String INJECTS = "drillInjects";
	/** One inject, the multi-instance element variable. */
	public static final String INJECT = "drillInject";
	/** The actor of what a scheduled drill declares. */
	static final String SCHEDULE_ACTOR = "drill-schedule";
	/** The actor of an inject on the timeline: the scenario, not a person. */
	static final String INJECT_ACTOR = "drill";

	private DrillVariables() {
	}
}
