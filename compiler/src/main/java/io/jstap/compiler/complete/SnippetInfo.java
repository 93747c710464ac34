package io.jstap.compiler.complete;

/**
 * A snippet of the REPL session, for commands that take one.
 *
 * @param id      the session id ({@code 3}, {@code s3}, whatever the REPL prints)
 * @param name    the snippet's name (a probe point, a global or function name); may be empty
 * @param summary one line shown as the description
 */
public record SnippetInfo(String id, String name, String summary) {
}
