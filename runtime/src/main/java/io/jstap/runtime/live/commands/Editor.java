package io.jstap.runtime.live.commands;

import java.io.IOException;

/**
 * How {@code :edit} lets the user change a snippet's text: the terminal runs {@code $EDITOR} or edits inline;
 * tests supply the new text directly.
 */
@FunctionalInterface
public interface Editor {

    /** The edited text, or null when the user abandoned the edit. */
    String edit(String text) throws IOException;
}
