package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident keys are reserved before the declaration's transaction, in one of their own: a
 * declaration does not hold the key counter while it starts its plan (README, "Incident keys").
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
class IncidentKeysIntegrationTests {

	static final IncidentDeclaration CHECKOUT_ERRORS = IncidentDeclaration.of("Checkout errors", "5xx on /pay",
			"checkout", "moderate", "medium", null, false);

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aDeclarationNotYetCommittedDoesNotHoldBackTheNext() throws Exception {
		CountDownLatch firstDeclared = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<IncidentKey> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> {
				IncidentKey key = declarations.declare(CHECKOUT_ERRORS, "alertmanager");
				firstDeclared.countDown();
				await(secondDone);
				return key;
			}));
		assertThat(firstDeclared.await(30, TimeUnit.SECONDS)).isTrue();

		IncidentKey second = CompletableFuture.supplyAsync(() -> declarations.declare(CHECKOUT_ERRORS, "alertmanager"))
			.get(5, TimeUnit.SECONDS); // with the counter locked until the first commits, this waited for it
		secondDone.countDown();

		assertThat(sequence(second)).isEqualTo(sequence(first.get(30, TimeUnit.SECONDS)) + 1);
	}

	@Test
	void aDeclarationThatFailsLeavesItsNumberUnused() {
		IncidentKey before = declarations.declare(CHECKOUT_ERRORS, "alertmanager");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			declarations.declare(CHECKOUT_ERRORS, "alertmanager");
			status.setRollbackOnly();
		});

		IncidentKey after = declarations.declare(CHECKOUT_ERRORS, "alertmanager");

		assertThat(sequence(after)).isEqualTo(sequence(before) + 2);
	}

	private static long sequence(IncidentKey key) {
		return Long.parseLong(key.value().substring(key.value().lastIndexOf('-') + 1));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
