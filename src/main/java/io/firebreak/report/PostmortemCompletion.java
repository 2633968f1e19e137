package io.firebreak.report;

/**
 * How many of the incidents whose analysis was a postmortem ({@code held}: one was opened, as the
 * post-incident analysis table decided or the commander asked) have it published; {@code rate} is
 * published / held, null when none was held.
 */
record PostmortemCompletion(int held, int published, Double rate) {

	static PostmortemCompletion of(int held, int published) {
		return new PostmortemCompletion(held, published, held == 0 ? null : (double) published / held);
	}

	/** 75%; a dash when no postmortem was held. */
	public String rateText() {
		return rate == null ? "—" : Math.round(rate * 100) + "%";
	}
}
