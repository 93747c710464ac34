package io.jstap.runtime.live.commands;

import io.jstap.runtime.live.LiveSession;

/** What a command works on: the session, and the editor {@code :edit} uses. */
public record CommandContext(LiveSession session, Editor editor, CommandTable table) {
}
