package io.firebreak.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs links that work without signing in (acknowledging a page from its mail, subscribing to an
 * on-call calendar): {@code base64url(payload) + "." + base64url(HMAC-SHA256(payload))}. The key
 * is {@code firebreak.links.signing-key} when set; otherwise one is made at the first start and
 * kept in the engine's property table, so that links survive restarts and every node of a
 * cluster accepts them. Changing the key invalidates every link handed out.
 */
@Component
public class LinkSigner {

	static final String KEY_PROPERTY = "firebreak.link-signing-key";
	private static final String ALGORITHM = "HmacSHA256";
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final ProcessEngineConfigurationImpl engine;
	private final String configuredKey;
	private volatile SecretKeySpec key;

	LinkSigner(ProcessEngineConfigurationImpl engine, @Value("${firebreak.links.signing-key:}") String configuredKey) {
		this.engine = engine;
		this.configuredKey = configuredKey;
	}

	public String sign(String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/** The payload of a token this signer made; empty for anything else (forged, altered, garbled). */
	public Optional<String> verify(String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Optional.empty();
		}
		try {
			byte[] payload = DECODER.decode(token.substring(0, dot));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			return MessageDigest.isEqual(mac(payload), signature)
					? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			String secret = configuredKey.isBlank() ? storedKey() : configuredKey;
			current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
			key = current;
		}
		return current;
	}

	// A bare command in a transaction of its own: the property table is the engine's, not a user's to be
	// authorized for, and the key must be stored even when the caller's transaction rolls back.
	private String storedKey() {
		Command<String> findOrCreate = context -> {
			PropertyEntity stored = context.getPropertyManager().findPropertyById(KEY_PROPERTY);
			if (stored != null) {
				return stored.getValue();
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			PropertyEntity created = new PropertyEntity(KEY_PROPERTY, ENCODER.encodeToString(random));
			context.getPropertyManager().insert(created);
			return created.getValue();
		};
		try {
			return engine.getCommandExecutorTxRequiresNew().execute(findOrCreate);
		}
		catch (RuntimeException anotherNodeWasFirst) {
			return engine.getCommandExecutorTxRequiresNew().execute(findOrCreate);
		}
	}
}
