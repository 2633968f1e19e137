package io.firebreak.postmortem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The report as PDF, laid out by openhtmltopdf from the same Markdown and HTML as the page, as a
 * standalone XHTML document (the renderer reads XML, not the page with its navigation).
 */
@Component
public class PostmortemPdf {

	private final PostmortemMarkdown markdown;
	private final PostmortemHtml html;

	public PostmortemPdf(PostmortemMarkdown markdown, PostmortemHtml html) {
		this.markdown = markdown;
		this.html = html;
		// openhtmltopdf logs timings at INFO on every document; its warnings are what a server log wants
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
	}

	public byte[] render(PostmortemReport report) {
		String title = "Postmortem " + report.incident().key() + ": " + report.incident().title();
		return render(html.xhtmlDocument(title, markdown.render(report)));
	}

	/** {@code xhtml} must be well-formed XML. */
	byte[] render(String xhtml) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		// no base URI: the document is self-contained, and nothing in it may load from anywhere
		builder.withHtmlContent(xhtml, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The postmortem PDF could not be written", e);
		}
		return pdf.toByteArray();
	}
}
