package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemFixtures.items;
import static io.firebreak.postmortem.PostmortemFixtures.resolvedIncident;
import static io.firebreak.postmortem.PostmortemFixtures.sections;
import static io.firebreak.postmortem.PostmortemFixtures.stored;
import static io.firebreak.postmortem.PostmortemFixtures.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class PostmortemMarkdownTests {

	static final String NASTY = "<script>alert('x')</script> *bold* _em_ **strong** `code` [click](javascript:alert(1)) "
			+ "![img](http://evil.example/x.png) <https://evil.example> &amp; &#60; a | b ~~gone~~ \\ # end #";
	static final Parser COMMONMARK = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	PostmortemMarkdown markdown = new PostmortemMarkdown();
	PostmortemHtml html = new PostmortemHtml();

	@Test
	void hasEverySectionInTheBriefsVocabularyWithTheIncidentsFacts() {
		String md = markdown.render(report(sections(), "Checkout errors"));

		assertThat(md).contains("- **Service:** checkout", "- **Severity:** SEV2", "- **Incident commander:** ic",
				"- **Postmortem owner:** ic", "- **Declared:** 2026-11-27 10:00 UTC",
				"- **Resolved:** 2026-11-27 11:30 UTC", "- **Duration:** 1 h 30 min", "approved by admin");
		List<String> headings = md.lines().filter(line -> line.startsWith("## ")).toList();
		assertThat(headings).containsExactly("## Summary", "## Impact", "## Root causes", "## Trigger", "## Detection",
				"## Resolution", "## Contributing factors", "## What went well", "## What went wrong",
				"## Where we got lucky", "## Lessons learned", "## Action items", "## Timeline");
		assertThat(md).contains("Checkout failed for 90 minutes.", "**Duration:** 90 minutes",
				"An expired certificate on the payment gateway.", "Own every certificate.")
			.contains("| 1 | Monitor certificate expiry | prevent | oncall | 2026-12-15 | high | open |")
			.contains("| 2026-11-27 10:01 UTC | task | oncall | Task Acknowledge completed by oncall |");
	}

	@Test
	void whatPeopleWroteRendersLiterallyNeverAsMarkupLinksOrHtml() {
		PostmortemSections s = sections();
		PostmortemSections nasty = new PostmortemSections(NASTY, s.impactDuration(), s.usersAffected(),
				"# Not a heading\n- not a list\n1. not ordered\n> not a quote\n===\n    not code\n\n---\n[ref]: javascript:x",
				s.trigger(), s.detection(), s.resolution(), s.contributingFactors(), s.wentWell(), s.wentWrong(),
				s.gotLucky(), s.lessonsLearned(), null);
		String page = html.fragment(markdown.render(report(nasty, "<b>Checkout</b> errors")));

		assertThat(page).doesNotContain("<script", "<b>", "<em>", "<code>", "<img", "<a ", "href", "<del",
				"<blockquote", "<ol", "<hr", "<pre", "javascript:alert(1)\"");
		assertThat(page).contains("&lt;script&gt;alert('x')&lt;/script&gt; *bold* _em_ **strong** `code` "
				+ "[click](javascript:alert(1)) ![img](http://evil.example/x.png) &lt;https://evil.example&gt; "
				+ "&amp;amp; &amp;#60; a | b ~~gone~~ \\ # end #");
		assertThat(page).contains("<h1>Postmortem INC-2026-0042: &lt;b&gt;Checkout&lt;/b&gt; errors</h1>");
		assertThat(page).contains("# Not a heading<br />", "- not a list<br />", "1. not ordered<br />",
				"&gt; not a quote<br />", "===<br />", "not code</p>", "<p>---<br />", "[ref]: javascript:x</p>");
		// the page's own headings only: one title and the thirteen sections
		assertThat(page.split("<h1>", -1)).hasSize(2);
		assertThat(page.split("<h2>", -1)).hasSize(14);
	}

	@Test
	void aCellKeepsItsPipesAndBackslashesAndTheTableItsColumns() {
		List<ActionItem> items = ActionItem.fromJson(PostmortemFixtures.KEY.value(), """
				[{"title": "Split | the \\\\| pool\\nin two", "type": "mitigate", "owner": "oncall",
				  "dueDate": "2026-12-15", "priority": "low"}]""");
		String page = html.fragment(markdown.render(new PostmortemReport(resolvedIncident("Checkout errors"),
				PostmortemFixtures.published(sections(), timeline()), stored(items))));

		assertThat(page).contains("<td>Split | the \\| pool in two</td>");
		String row = page.substring(page.indexOf("<td>1</td>"), page.indexOf("</tr>", page.indexOf("<td>1</td>")));
		assertThat(row.split("<td", -1)).hasSize(8);
	}

	@Test
	void escapedTextParsesBackToItselfAsPlainText() {
		Random random = new Random(20261127);
		String alphabet = "\\`*_[]()<>!#&|~+-=.:;'\"/@ 1aZ\n\t";
		List<String> samples = new ArrayList<>(List.of(NASTY, "1) one", "10. ten", "+ plus", "- minus", "= equal",
				"--- rule", "***", "line\\", "a  \nb", "&copy; &#x41;", "<!-- c -->", "<div>x</div>"));
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(12) + 1; j > 0; j--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			samples.add(text.toString());
		}
		for (String sample : samples) {
			String expected = sample.replace('\t', ' ').replaceAll("\\s+", " ").strip();
			assertThat(plainText(MarkdownText.line(sample))).as("line of %s", sample).isEqualTo(expected);
			String block = sample.lines().map(String::strip).filter(l -> !l.isEmpty())
				.map(l -> l.replace('\t', ' ')).reduce((a, b) -> a + "\n" + b).orElse("");
			if (!sample.contains("\n\n") && !sample.contains("\n \n")) {
				assertThat(plainText(MarkdownText.block(sample)).replaceAll(" +", " ")).as("block of %s", sample)
					.isEqualTo(block.replaceAll(" +", " "));
			}
		}
	}

	/** The text of Markdown that must be one paragraph of text and line breaks, nothing else. */
	static String plainText(String markdown) {
		Node document = COMMONMARK.parse(markdown);
		StringBuilder text = new StringBuilder();
		document.accept(new AbstractVisitor() {
			@Override
			protected void visitChildren(Node parent) {
				for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
					if (!(node instanceof Paragraph || node instanceof Text || node instanceof HardLineBreak
							|| node instanceof SoftLineBreak || node instanceof Document)) {
						throw new AssertionError(node + " in " + markdown);
					}
					if (node instanceof Text t) {
						text.append(t.getLiteral());
					}
					if (node instanceof HardLineBreak || node instanceof SoftLineBreak) {
						text.append('\n');
					}
					visitChildren(node);
				}
			}
		});
		assertThat(document.getFirstChild() == null || document.getFirstChild().getNext() == null)
			.as("one paragraph: %s", markdown).isTrue();
		return text.toString();
	}

	static PostmortemReport report(PostmortemSections sections, String title) {
		return new PostmortemReport(resolvedIncident(title), PostmortemFixtures.published(sections, timeline()),
				stored(items()));
	}
}
