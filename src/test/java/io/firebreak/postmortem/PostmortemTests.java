package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemFixtures.KEY;
import static io.firebreak.postmortem.PostmortemFixtures.T0;
import static io.firebreak.postmortem.PostmortemFixtures.items;
import static io.firebreak.postmortem.PostmortemFixtures.sections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firebreak.system.InvalidInput;

class PostmortemTests {

	Postmortem draft = Postmortem.open(KEY, "ic", T0);

	@Test
	void publishesWithRootCausesImpactAndActionItems() {
		draft.record(sections());
		draft.publish("admin", T0.plusSeconds(60), items());

		assertThat(draft.status()).isEqualTo(Postmortem.Status.PUBLISHED);
		assertThat(draft.approvedBy()).isEqualTo("admin");
		assertThat(draft.publishedAt()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void refusesToPublishWithoutRootCauses() {
		draft.record(with(sections(), "rootCauses", "  "));

		assertRefused(() -> draft.publish("admin", T0, items()), PostmortemVariables.ROOT_CAUSES, "root causes");
	}

	@Test
	void refusesToPublishWithoutImpactButEitherHalfOfItIsEnough() {
		draft.record(with(with(sections(), "impactDuration", null), "usersAffected", ""));
		assertRefused(() -> draft.publish("admin", T0, items()), PostmortemVariables.IMPACT_DURATION, "impact");

		draft.record(with(sections(), "impactDuration", null));
		draft.publish("admin", T0, items());
		assertThat(draft.published()).isTrue();
	}

	@Test
	void refusesToPublishWithoutActionItemsUnlessItSaysWhyNoneAreNeeded() {
		draft.record(sections());
		assertRefused(() -> draft.publish("admin", T0, List.of()), PostmortemVariables.ACTION_ITEMS,
				"say why none are needed");
		assertRefused(() -> draft.publish("admin", T0, null), PostmortemVariables.ACTION_ITEMS, "action items");

		draft.record(with(sections(), "noActionItemsReason", "The vendor fixed it for good."));
		draft.publish("admin", T0, List.of());
		assertThat(draft.published()).isTrue();
	}

	@Test
	void refusesAnAnonymousApproval() {
		draft.record(sections());
		assertRefused(() -> draft.publish(" ", T0, items()), PostmortemVariables.POSTMORTEM_APPROVED, "approved");
	}

	@Test
	void aPublishedPostmortemIsFinal() {
		draft.record(sections());
		draft.publish("admin", T0, items());

		assertRefused(() -> draft.publish("ic", T0.plusSeconds(1), items()), "postmortem", "published again");
		assertRefused(() -> draft.record(sections()), "postmortem", "cannot be changed");
		assertRefused(() -> draft.assignOwner("oncall"), "postmortem", "owner");
		assertRefused(() -> draft.assemble(List.of()), "postmortem", "timeline");
		assertThat(draft.approvedBy()).isEqualTo("admin");
		assertThat(draft.publishedAt()).isEqualTo(T0);
	}

	@Test
	void opensWithAnOwnerAndKeepsTheTimelineInTimeOrder() {
		assertRefused(() -> Postmortem.open(KEY, " ", T0), PostmortemVariables.POSTMORTEM_OWNER, "owner");
		assertRefused(() -> draft.scheduleReview(null), PostmortemVariables.REVIEW_MEETING_AT, "review meeting");

		TimelineEntry later = new TimelineEntry(T0.plusSeconds(60), "task", "oncall", "later");
		TimelineEntry earlier = new TimelineEntry(T0, "record", "ic", "earlier");
		draft.assemble(List.of(later, earlier));
		assertThat(draft.timeline()).containsExactly(earlier, later);
		assertThat(draft.status()).isEqualTo(Postmortem.Status.DRAFT);
	}

	@Test
	void readsTheSectionsFromThePlanVariablesBlankAsMissing() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PostmortemVariables.POSTMORTEM_SUMMARY, "  Checkout failed.  ");
		variables.put(PostmortemVariables.ROOT_CAUSES, "Expired certificate");
		variables.put(PostmortemVariables.USERS_AFFECTED, "   ");
		variables.put(PostmortemVariables.NO_ACTION_ITEMS_REASON, "None needed");

		PostmortemSections read = PostmortemSections.of(variables::get);

		assertThat(read.summary()).isEqualTo("Checkout failed.");
		assertThat(read.rootCauses()).isEqualTo("Expired certificate");
		assertThat(read.usersAffected()).isNull();
		assertThat(read.impactDuration()).isNull();
		assertThat(read.noActionItemsReason()).isEqualTo("None needed");
		assertThat(read.hasImpact()).isFalse();
	}

	static PostmortemSections with(PostmortemSections s, String field, String value) {
		return new PostmortemSections(s.summary(), pick(field, "impactDuration", value, s.impactDuration()),
				pick(field, "usersAffected", value, s.usersAffected()), pick(field, "rootCauses", value, s.rootCauses()),
				s.trigger(), s.detection(), s.resolution(), s.contributingFactors(), s.wentWell(), s.wentWrong(),
				s.gotLucky(), s.lessonsLearned(), pick(field, "noActionItemsReason", value, s.noActionItemsReason()));
	}

	private static String pick(String field, String name, String value, String current) {
		return field.equals(name) ? value : current;
	}

	static void assertRefused(Runnable action, String field, String message) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInput.class, refused -> {
			assertThat(refused.field()).isEqualTo(field);
			assertThat(refused.getMessage()).contains(message);
		});
	}
}
