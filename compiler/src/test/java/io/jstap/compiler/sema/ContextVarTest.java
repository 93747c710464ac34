package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextVarTest {

    /** "$name:type:access" of every context variable in the program's bodies. */
    private static List<String> vars(Program p) {
        List<String> out = new ArrayList<>();
        for (ResolvedProbe r : p.probes()) {
            new AstScanner() {
                @Override
                public Void visitTargetVar(Expr.TargetVar e) {
                    ContextVar v = p.contextVar(e);
                    out.add(e.name() + ":" + p.typeOf(e) + ":" + v.access());
                    return null;
                }
            }.scan(r.body());
        }
        return out;
    }

    @Test
    void tracepointFieldsAreTypedFromTheFormat() {
        Program p = Elab.ok("probe kernel.trace(\"sched:sched_switch\") { printf(\"%s %d %d %d\\n\", $prev_comm,"
                + " $prev_pid, $prev_state, $next_comm[0]) }\n"
                + "probe kernel.trace(\"sched:sched_process_exec\") { println($filename) }\n"
                + "probe kernel.trace(\"syscalls:sys_enter_openat\") { println(user_string($filename), $flags) }\n");
        assertEquals(List.of("$prev_comm:string:CHAR_ARRAY", "$prev_pid:long:FIELD", "$prev_state:long:FIELD",
                "$next_comm:long:CHAR_ARRAY", "$filename:string:DATA_LOC_STRING", "$filename:long:FIELD",
                "$flags:long:FIELD"), vars(p));
    }

    @Test
    void returnValuesAndEntryValues() {
        Program p = Elab.ok("probe syscall.read.return { printf(\"%d %d %s\\n\", $return, @entry($count), $$return) }");
        // retval and retstr are not read, so the alias body's own $return reads are gone.
        assertEquals(List.of("$return:long:FIELD", "$count:long:FIELD", "$$return:string:ALL_FIELDS"), vars(p));
        Program u = Elab.ok("probe process(\"/bin/bash\").function(\"readline\").return { println($return) }");
        assertEquals(List.of("$return:long:RETURN_VALUE"), vars(u));
    }

    @Test
    void markArgumentsFromTheNote() {
        Program p = Elab.ok("probe process(\"/bin/bash\").mark(\"readline_start\") { printf(\"%d %d %s %s %s\\n\","
                + " $arg1, $arg2, $$parms, $$name, $$provider) }");
        assertEquals(List.of("$arg1:long:USDT_ARG", "$arg2:long:USDT_ARG", "$$parms:string:USDT_ALL",
                "$$name:string:MARK_NAME", "$$provider:string:MARK_PROVIDER"), vars(p));
        ElabResult r = Elab.run("probe process(\"/bin/bash\").mark(\"readline_start\") { print($arg3) }");
        assertEquals(List.of("unable to find context variable '$arg3' in process(\"/bin/bash\").mark(\"readline_start\"): "
                + "the mark has 2 arguments"), Elab.errors(r));
        r = Elab.run("probe process(\"/bin/bash\").mark(\"command_done\") { print($arg1) }");
        assertEquals(List.of("cannot read the arguments of process(\"/bin/bash\").mark(\"command_done\"): USDT argument "
                + "'8@counter(%rip)' addresses memory through a symbol; only register-relative operands are read"),
                Elab.errors(r));
        // a mark whose operands cannot be read still runs when its body reads none of them
        Elab.ok("probe process(\"/bin/bash\").mark(\"command_done\") { print(1) }");
    }

    @Test
    void prettyPrintingGivesStrings() {
        Program p = Elab.ok("probe syscall.read { println($$vars, $$parms, $fd$) }");
        assertEquals(List.of("$$vars:string:ALL_FIELDS", "$$parms:string:ALL_FIELDS", "$fd:string:FIELD"),
                vars(p).subList(vars(p).size() - 3, vars(p).size()));
    }

    @Test
    void definedIsFoldedPerTarget() {
        Program p = Elab.ok("global seen\n"
                + "probe kernel.trace(\"syscalls:sys_enter_read\"), kernel.trace(\"syscalls:sys_enter_getppid\") {\n"
                + "  seen[pp()] = @defined($fd) ? $fd : -1\n"
                + "  if (!@defined($count)) next\n"
                + "}\n");
        assertEquals(2, p.probes().size());
        assertEquals(List.of("$fd:long:FIELD"), vars(p));
    }

    @Test
    void uprobeParametersPointToTheArgumentFunctions() {
        ElabResult r = Elab.run("probe process(\"/bin/bash\").function(\"readline\") { println($prompt) }");
        assertEquals(List.of("unable to find context variable '$prompt' in process(\"/bin/bash\").function(\"readline\")"
                + ": there is no debug information to find parameters by name"), Elab.errors(r));
        assertEquals(List.of("use int_arg(N), pointer_arg(N), user_string(pointer_arg(N)) or returnval() instead"),
                r.diagnostics().list().get(0).notes());
    }

    @Test
    void unknownVariablesListWhatThereIs() {
        ElabResult r = Elab.run("probe syscall.write { println($buff) }");
        assertEquals(List.of("did you mean: $buf?", "available: $__syscall_nr $fd $buf $count"),
                r.diagnostics().list().get(0).notes());
    }
}
