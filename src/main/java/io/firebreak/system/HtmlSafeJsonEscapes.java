package io.firebreak.system;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Writes {@code < > & '} in JSON strings as Unicode escapes (backslash, u, four hex digits). The
 * parsed values are unchanged, but the public JSON never carries markup a browser could pick up: a
 * customer message with {@code <script>} cannot run even where the JSON is pasted into a page or
 * sniffed as HTML. Used by the public status JSON and by the figures a page hands its scripts in a
 * {@code <script type="application/json">} block, where {@code </script>} must not end the block.
 */
public class HtmlSafeJsonEscapes extends CharacterEscapes {

	private final int[] asciiEscapes;

	public HtmlSafeJsonEscapes() {
		int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
		for (char markup : new char[] { '<', '>', '&', '\'' }) {
			escapes[markup] = CharacterEscapes.ESCAPE_STANDARD;
		}
		this.asciiEscapes = escapes;
	}

	@Override
	public int[] getEscapeCodesForAscii() {
		return asciiEscapes;
	}

	@Override
	public SerializableString getEscapeSequence(int ch) {
		// only ESCAPE_STANDARD is used above, which Jackson writes itself
		return null;
	}
}
