package io.firebreak.status;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * {@code /status/feed}: an Atom 1.0 feed with one entry per customer update of the status page's
 * window, newest first, written by Rome (which gets Atom's XML, escaping and dates right).
 * <p>
 * Entry ids are name-based UUIDs of the page's address and the update's id: the same update keeps
 * its id on every fetch (updates are never changed), and two Firebreak installations never share
 * one. The content is HTML with the message escaped, so a message's markup is shown, never run.
 */
@Component
class StatusFeed {

	static final String ATOM = "application/atom+xml";

	String render(StatusBoard board, StatuspageSummary.PageIdentity identity) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setUri(urn(identity.url() + "/feed"));
		feed.setTitle(identity.name());
		feed.setAuthor(identity.name());
		feed.setLinks(List.of(link("alternate", identity.url()), link("self", identity.url() + "/feed")));
		feed.setPublishedDate(Date.from(board.updatedAt()));
		feed.setEntries(board.publishedUpdates().stream().map(published -> entry(published, identity)).toList());
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException e) {
			// only a feed Rome cannot express fails here, and every field above is always set
			throw new IllegalStateException("The status feed could not be written", e);
		}
	}

	private static SyndEntry entry(StatusBoard.PublishedUpdate published, StatuspageSummary.PageIdentity identity) {
		PublicIncident incident = published.incident();
		CustomerUpdate update = published.update();
		SyndEntry entry = new SyndEntryImpl();
		entry.setUri(urn(identity.url() + "/customer-updates/" + update.id()));
		entry.setTitle(incident.name() + ": " + update.status().label());
		entry.setLink(identity.url() + "#" + incident.key().value());
		entry.setPublishedDate(Date.from(update.postedAt()));
		entry.setUpdatedDate(Date.from(update.postedAt()));
		SyndContent content = new SyndContentImpl();
		content.setType("html");
		content.setValue("<p><strong>" + update.status().label() + "</strong> (" + incident.impact().label()
				+ ")</p><p>" + HtmlUtils.htmlEscape(update.message()).replace("\n", "<br>") + "</p>");
		entry.setContents(List.of(content));
		return entry;
	}

	private static SyndLink link(String rel, String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		return link;
	}

	private static String urn(String name) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}
}
