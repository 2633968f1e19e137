package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import jakarta.mail.internet.MimeMessage;

class EmailChannelTests {

	static final Notification PAGE = new Notification(1L, "INC-2026-0001/page/0", "INC-2026-0001",
			NotificationKind.PAGE, Channel.EMAIL, "oncall@firebreak.example", "[SEV1][INC-2026-0001] Down", "text",
			"<p>html</p>", "<INC-2026-0001.page.0@firebreak.example>", null, false, NotificationStatus.PENDING, 0, null,
			Instant.now(), null);

	@SuppressWarnings("unchecked")
	static EmailChannel channel(JavaMailSender sender) {
		ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
		org.mockito.Mockito.when(provider.getIfAvailable()).thenReturn(sender);
		return new EmailChannel(provider, "firebreak@firebreak.example", "smtp.example:587");
	}

	@Test
	void anSmtpLoginFailureSaysWhatToFix() {
		JavaMailSender smtp = mock(JavaMailSender.class);
		doThrow(new MailAuthenticationException("535 5.7.8 bad credentials")).when(smtp).send(any(MimeMessage.class));

		assertThatThrownBy(() -> channel(smtp).deliver(PAGE)).isInstanceOf(DeliveryFailure.class)
			.hasMessage("Mail to oncall@firebreak.example failed: the SMTP server smtp.example:587 refused Firebreak's "
					+ "login; check spring.mail.username and spring.mail.password")
			.satisfies(e -> assertThat(((DeliveryFailure) e).permanent()).as("retried: the password may be fixed")
				.isFalse());
	}

	@Test
	void anUnreachableServerIsRetried() {
		JavaMailSender smtp = mock(JavaMailSender.class);
		doThrow(new MailSendException("Connection refused")).when(smtp).send(any(MimeMessage.class));

		assertThatThrownBy(() -> channel(smtp).deliver(PAGE))
			.hasMessage("Mail to oncall@firebreak.example failed at SMTP server smtp.example:587: Connection refused");
	}

	@Test
	void withoutAnSmtpServerMailIsCaptured() {
		assertThat(channel(null).deliver(PAGE)).isEqualTo(NotificationStatus.CAPTURED);
	}
}
