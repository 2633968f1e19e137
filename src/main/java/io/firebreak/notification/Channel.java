package io.firebreak.notification;

/** How a notification travels. Mattermost takes Slack's incoming-webhook format, so SLACK serves both. */
public enum Channel {
	EMAIL, SLACK, TEAMS
}
