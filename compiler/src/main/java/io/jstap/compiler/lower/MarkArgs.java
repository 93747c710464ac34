package io.jstap.compiler.lower;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.probe.UsdtArg;
import java.util.ArrayList;
import java.util.List;

/**
 * USDT mark arguments as IR: a register operand is the pt_regs register cut to the operand's size
 * (sign-extended when signed), a memory operand a {@code user_intN}/{@code user_uintN} read at
 * base + index*scale + displacement, a constant itself. So marks need nothing new from the code generator.
 */
final class MarkArgs {
    private MarkArgs() {
    }

    static Expr arg(UsdtArg a, SrcLoc loc) {
        int bytes = Math.abs(a.size());
        switch (a.kind()) {
            case CONSTANT:
                return new Expr.LongLit(a.value(), loc);
            case REGISTER:
                return narrow(new Expr.Register(a.base(), loc), bytes, a.signed(), loc);
            default:
                Expr addr = a.base() == null ? null : new Expr.Register(a.base(), loc);
                if (a.index() != null) {
                    Expr idx = new Expr.Register(a.index(), loc);
                    if (a.scale() != 1) {
                        idx = new Expr.Binary(BinOp.MUL, idx, new Expr.LongLit(a.scale(), loc), loc);
                    }
                    addr = addr == null ? idx : new Expr.Binary(BinOp.ADD, addr, idx, loc);
                }
                if (a.offset() != 0) {
                    addr = new Expr.Binary(BinOp.ADD, addr, new Expr.LongLit(a.offset(), loc), loc);
                }
                String fn = "user_" + (a.signed() || bytes == 8 ? "int" : "uint") + (8 * bytes);
                return new Expr.BuiltinCall(fn, List.of(addr), IrType.LONG, loc);
        }
    }

    /** The low {@code bytes} of a 64-bit value, sign- or zero-extended. */
    private static Expr narrow(Expr v, int bytes, boolean signed, SrcLoc loc) {
        if (bytes == 8) {
            return v;
        }
        int bits = 64 - 8 * bytes;
        if (!signed) {
            return new Expr.Binary(BinOp.AND, v, new Expr.LongLit((1L << (8 * bytes)) - 1, loc), loc);
        }
        Expr up = new Expr.Binary(BinOp.SHL, v, new Expr.LongLit(bits, loc), loc);
        return new Expr.Binary(BinOp.SHR, up, new Expr.LongLit(bits, loc), loc);
    }

    /** {@code $$parms}: "$arg1=0x5 $arg2=0xfffffffffffffffe" (stap's %#x, spelled so kernel sprintf can do it). */
    static Expr all(List<UsdtArg> args, SrcLoc loc) {
        StringBuilder fmt = new StringBuilder();
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            fmt.append(i == 0 ? "" : " ").append("$arg").append(i + 1).append("=0x%x");
            values.add(arg(args.get(i), loc));
        }
        return new Expr.Format(Expr.Format.FormatKind.SPRINTF, fmt.toString(), values, loc);
    }
}
