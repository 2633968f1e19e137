package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemFixtures.resolvedIncident;
import static io.firebreak.postmortem.PostmortemFixtures.sections;
import static io.firebreak.postmortem.PostmortemFixtures.stored;
import static io.firebreak.postmortem.PostmortemFixtures.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PostmortemPdfTests {

	PostmortemPdf pdf = new PostmortemPdf(new PostmortemMarkdown(), new PostmortemHtml());

	@Test
	void isAPdfWhoseTextHasTheSummaryTheActionItemsAndTheTimeline() throws Exception {
		PostmortemSections s = sections();
		PostmortemSections written = new PostmortemSections("Checkout failed <script>alert(1)</script> & recovered.",
				s.impactDuration(), s.usersAffected(), s.rootCauses(), s.trigger(), s.detection(), s.resolution(),
				s.contributingFactors(), s.wentWell(), s.wentWrong(), s.gotLucky(), s.lessonsLearned(), null);

		byte[] bytes = pdf.render(new PostmortemReport(resolvedIncident("Checkout errors"),
				PostmortemFixtures.published(written, timeline()), stored(PostmortemFixtures.items())));

		assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Postmortem INC-2026-0042: Checkout errors",
					"Checkout failed <script>alert(1)</script> & recovered.", "Root causes",
					"An expired certificate on the payment gateway.", "Monitor certificate expiry",
					"Declared: Checkout errors", "Task Acknowledge completed by oncall");
		}
	}
}
