package io.firebreak.incident;

/**
 * config/services.yaml chose a plan that is not deployed: nobody can declare such an incident until
 * the plan is deployed or the configuration chooses another, so the answer says which and how.
 */
public class PlanNotDeployed extends RuntimeException {

	private final String plan;

	PlanNotDeployed(String plan, String service, IncidentType type) {
		super(("config/services.yaml chooses plan '%s' for %s incidents on service '%s', and no process with key '%s'"
				+ " is deployed. Nothing was declared: deploy the plan (Camunda Modeler's Deploy button or"
				+ " POST /engine-rest/deployment/create), or choose a deployed plan under plans: in services.yaml and"
				+ " restart.").formatted(plan, type.value(), service, plan));
		this.plan = plan;
	}

	public String plan() {
		return plan;
	}
}
