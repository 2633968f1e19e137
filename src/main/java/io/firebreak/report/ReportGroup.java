package io.firebreak.report;

/**
 * The figures of one group of a report's incidents: all of them, one severity, one service or one
 * month. {@code incidents} counts those declared; each time counts only those that reached its
 * milestone.
 */
record ReportGroup(String group, int incidents, Percentiles timeToAcknowledge, Percentiles timeToContain,
		Percentiles timeToMitigate, Percentiles timeToResolve, PostmortemCompletion postmortems) {

	public Percentiles time(Measure measure) {
		return switch (measure) {
			case TIME_TO_ACKNOWLEDGE -> timeToAcknowledge;
			case TIME_TO_CONTAIN -> timeToContain;
			case TIME_TO_MITIGATE -> timeToMitigate;
			case TIME_TO_RESOLVE -> timeToResolve;
		};
	}
}
