package io.jstap.compiler.exec;

/** How a statement finished: normally, or by a jump the enclosing construct must handle. */
enum Flow {
    NORMAL, BREAK, CONTINUE, RETURN, NEXT
}
