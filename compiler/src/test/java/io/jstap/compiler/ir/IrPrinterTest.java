package io.jstap.compiler.ir;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.StatsAgg;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IrPrinterTest {

    static IrProgram sample() {
        LocalVar n = lv("n", IrType.LONG, 0);
        LocalVar acc = lv("acc", IrType.STRING, 1);
        FunctionDecl f = function("label", List.of(n), IrType.STRING, List.of(acc),
                ifs(cmp(CmpOp.LT, ref(n), num(0)), ret(str("neg\n")), null),
                s(assign(ref(acc), AssignOp.CONCAT, sprintf("%d", ref(n)))),
                ret(ref(acc)));
        LocalVar p = lv("p", IrType.LONG, 0);
        LocalVar e = lv("e", IrType.STRING, 1);
        LocalVar c = lv("c", IrType.LONG, 2);
        LocalVar msg = lv("msg", IrType.STRING, 3);
        ProbeBody probe = probe("syscall.open", List.of(p, e, c, msg),
                s(inc(elem("calls", IrType.LONG, fn("pid", IrType.LONG), fn("execname", IrType.STRING)))),
                s(add(gvar("lat", IrType.STATS), bin(BinOp.SHL, num(1), num(3)))),
                foreach("calls", List.of(p, e), c, SortSpec.byValue(false), num(5),
                        p("%d %s %d\n", ref(p), ref(e), ref(c))),
                tryCatch(block(s(set(ref(c), bin(BinOp.DIV, num(1), ref(c)))), delete("calls", any(), str("sh"))),
                        msg, s(fn("println", IrType.VOID, ref(msg)))),
                whiles(and(num(1), un(Ops.UnOp.NOT, ref(c))), brk()),
                s(fn("print", IrType.VOID, new Expr.Hist(HistogramSpec.LOG, gvar("lat", IrType.STATS), L0))),
                p("%d\n", agg(StatsAgg.AVG, gvar("lat", IrType.STATS))),
                deleteAll("calls"));
        return new IrProgram(
                List.of(array("calls", IrType.LONG, IrType.LONG, IrType.STRING).withMaxEntries(100).withWrap(true),
                        GlobalDecl.stats("lat", List.of(), HistogramSpec.LOG, L0),
                        scalar("name", IrType.STRING).withInitialValue("x\ty")),
                List.of(f), List.of(probe));
    }

    @Test
    void printsAProgram() {
        assertEquals(""
                + "global calls%[100]: [long, string] -> long\n"
                + "global lat: stats @hist_log\n"
                + "global name: string = \"x\\ty\"\n"
                + "function label(n:long): string\n"
                + "  local acc:string\n"
                + "{\n"
                + "  if ((n < 0))\n"
                + "    return \"neg\\n\"\n"
                + "  acc .= sprintf(\"%d\", n)\n"
                + "  return acc\n"
                + "}\n"
                + "probe syscall.open\n"
                + "  local p:long, e:string, c:long, msg:string\n"
                + "{\n"
                + "  calls[pid(), execname()]++\n"
                + "  lat <<< (1 << 3)\n"
                + "  foreach (c- = [p, e] in calls limit 5)\n"
                + "    printf(\"%d %s %d\\n\", p, e, c)\n"
                + "  try\n"
                + "  {\n"
                + "    c = (1 / c)\n"
                + "    delete calls[*, \"sh\"]\n"
                + "  }\n"
                + "  catch (msg)\n"
                + "    println(msg)\n"
                + "  while ((1 && !(c)))\n"
                + "    break\n"
                + "  print(@hist_log(lat))\n"
                + "  printf(\"%d\\n\", @avg(lat))\n"
                + "  delete calls\n"
                + "}\n", IrPrinter.print(sample()));
    }

    @Test
    void nestedAssignmentsAreParenthesised() {
        LocalVar a = lv("a", IrType.LONG, 0);
        LocalVar b = lv("b", IrType.LONG, 1);
        assertEquals("a = (b = 0)", IrPrinter.print(set(ref(a), set(ref(b), num(0)))));
        assertEquals("((a = 1) + 2)", IrPrinter.print(bin(BinOp.ADD, set(ref(a), num(1)), num(2))));
    }

    @Test
    void foreachSortMarkers() {
        LocalVar k = lv("k", IrType.LONG, 0);
        LocalVar j = lv("j", IrType.STRING, 1);
        Stmt byKey = foreach("g", List.of(k, j), null, SortSpec.byKey(2, true), null, block());
        assertEquals("foreach ([k, j+] in g)\n{\n}\n", IrPrinter.print(byKey));
        Stmt byAgg = foreach("g", List.of(k), null, new SortSpec(0, false, StatsAgg.SUM), null, block());
        assertEquals("foreach ([k] in g @sum-)\n{\n}\n", IrPrinter.print(byAgg));
    }

    @Test
    void contextReads() {
        assertEquals("$filename /* offset 24 size 4 string data_loc */",
                IrPrinter.print(new Expr.TracepointField("filename", 24, 4, false, true, true, L0)));
        assertEquals("$arg2", IrPrinter.print(new Expr.RawArg(1, L0)));
        assertEquals("register(\"rax\")", IrPrinter.print(new Expr.Register("rax", L0)));
    }
}
