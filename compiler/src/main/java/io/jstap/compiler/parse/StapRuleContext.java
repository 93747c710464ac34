package io.jstap.compiler.parse;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of the generated rule contexts. Most parse tree nodes have one to three children, so the
 * child list starts small instead of at ArrayList's ten: the tree is built for every source and dropped
 * once the AST is made, and its allocation shows in the parse time.
 */
public class StapRuleContext extends ParserRuleContext {

    public StapRuleContext() {
    }

    public StapRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(3);
        }
        children.add(t);
        return t;
    }
}
