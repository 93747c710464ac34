package io.jstap.runtime.live;

/**
 * One global as {@code :globals} lists it.
 *
 * @param name    its name
 * @param type    {@code long}, {@code string}, {@code stats}, {@code long[string,long]}; empty while nothing
 *                uses it (its type is not known yet)
 * @param entries elements it holds now (1 for a scalar), -1 while it is not in the running module
 * @param storage the BPF map kind ({@code HASH}, {@code PERCPU_ARRAY}, ...), {@code memory} for a global
 *                only userspace code uses, or {@code unused}
 * @param snippet the id of the snippet that declares it
 */
public record GlobalView(String name, String type, int entries, String storage, int snippet) {
}
