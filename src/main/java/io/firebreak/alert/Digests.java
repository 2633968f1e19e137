package io.firebreak.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: the identity of a group key, an alert event, or an integration key. */
final class Digests {

	private Digests() {
	}

	/** The parts are joined with a separator no part can contain unescaped, so ("a","bc") ≠ ("ab","c"). */
	static String sha256(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(String.valueOf(part).replace("\\", "\\\\").replace("\u0000", "\\0")
					.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException everyJavaHasSha256) {
			throw new IllegalStateException(everyJavaHasSha256);
		}
	}
}
