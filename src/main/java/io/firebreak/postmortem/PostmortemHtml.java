package io.firebreak.postmortem;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * The report's Markdown as HTML, by CommonMark. Raw HTML is escaped and link URLs sanitized as
 * a second guard behind {@link MarkdownText}: even Markdown that escaped nothing could not put a
 * script or a {@code javascript:} link on the page. CommonMark writes void elements closed
 * ({@code <br />}), so its HTML is XHTML too, which the PDF renderer needs.
 */
@Component
public class PostmortemHtml {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	/** The body of a page: to be inserted unescaped (th:utext), since it is escaped here. */
	public String fragment(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	/** A standalone, well-formed XHTML document of the report, styled for print. */
	public String xhtmlDocument(String title, String markdown) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
				<head>
				<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
				<title>%s</title>
				<style>
				@page { size: A4; margin: 18mm 15mm; }
				body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; }
				h1 { font-size: 16pt; } h2 { font-size: 12.5pt; margin-top: 14pt; border-bottom: 0.5pt solid #999; }
				table { width: 100%%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
				th, td { border: 0.5pt solid #999; padding: 2pt 3pt; text-align: left; vertical-align: top;
				  word-wrap: break-word; }
				th { background: #eee; }
				tr { page-break-inside: avoid; }
				</style>
				</head>
				<body>
				%s
				</body>
				</html>
				""".formatted(xml(title), fragment(markdown));
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
