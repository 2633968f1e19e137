package io.firebreak.alert;

/** Alert texts are written by machines and can be long; the record keeps them within its columns. */
final class Texts {

	private Texts() {
	}

	static String shorten(String text, int max) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
	}

	static String firstNonBlank(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}
}
