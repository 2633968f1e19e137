package io.firebreak.postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text people wrote, escaped so that CommonMark (with GFM tables) shows it exactly as written:
 * no emphasis, links, images, raw HTML, entities, headings, lists, quotes, code or table cells
 * come out of it. A backslash before ASCII punctuation is CommonMark's own escape, so the
 * Markdown file reads back as the text; only the characters that could start something are
 * escaped, to keep the file readable.
 */
final class MarkdownText {

	/**
	 * Special anywhere: emphasis, code, links and images (both need a [), HTML, entities, cells,
	 * strikethrough, and # (which closes a heading at the end of its line).
	 */
	private static final String INLINE = "\\`*_[]<>&|~#";
	/** An ordered list item: 1. or 1) at the start of a line. */
	private static final Pattern ORDERED = Pattern.compile("^(\\d{1,9})([.)])");
	// controls other than tab and newline are not text (and no XML, which the PDF is made from)
	private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

	private MarkdownText() {
	}

	/**
	 * One or more paragraphs: the writer's line breaks stay line breaks, blank lines separate
	 * paragraphs. Blank text is "".
	 */
	static String block(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		boolean blankBefore = false;
		for (String line : clean(text).split("\n", -1)) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				blankBefore = !lines.isEmpty();
				continue;
			}
			if (blankBefore) {
				lines.add("");
				blankBefore = false;
			}
			lines.add(lineStart(inline(stripped)));
		}
		// a backslash at the end of a line is a hard line break in CommonMark: the line break as written
		StringBuilder markdown = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			boolean nextInParagraph = i + 1 < lines.size() && !lines.get(i + 1).isEmpty() && !line.isEmpty();
			markdown.append(line).append(nextInParagraph ? "\\\n" : "\n");
		}
		return markdown.toString().stripTrailing();
	}

	/** One line, as in a table cell or a list item: line breaks become spaces. */
	static String line(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		return lineStart(inline(clean(text).replaceAll("\\s+", " ").strip()));
	}

	private static String clean(String text) {
		return CONTROLS.matcher(text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')).replaceAll("");
	}

	private static String inline(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (INLINE.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * What a line may start with: a heading (#), list item (-, +, 1.), quote (&gt;), setext
	 * underline (=, -) or thematic break. Its first character is escaped when it is punctuation.
	 */
	private static String lineStart(String line) {
		if (line.isEmpty()) {
			return line;
		}
		var ordered = ORDERED.matcher(line);
		if (ordered.find()) {
			return ordered.group(1) + "\\" + ordered.group(2) + line.substring(ordered.end());
		}
		char first = line.charAt(0);
		if ("+-=>:".indexOf(first) >= 0) {
			return "\\" + line;
		}
		return line;
	}
}
