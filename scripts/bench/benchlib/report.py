"""The printed tables. Every figure is a median with [min..max] over the rounds; a row a
tracer could not run says n/a and why."""

from . import programs


def _num(v, digits=0):
    if v is None:
        return "-"
    return "{:,.{d}f}".format(v, d=digits)


def _spread(s, digits=0, scale=1.0):
    if not s:
        return "-"
    return "%s [%s..%s]" % (_num(s["median"] * scale, digits), _num(s["min"] * scale, digits),
                            _num(s["max"] * scale, digits))


def _table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _na(reason):
    return "n/a: %s" % reason


def _ratio(entry, twin, key):
    a, b = entry.get(key), twin.get(key)
    if not a or not b or b["median"] <= 0:
        return "-"
    return "%.2fx" % (a["median"] / b["median"])


def overhead_table(overhead, cfg, rounds):
    loads = sorted(overhead)
    header = ["tracer", "program"]
    for load in loads:
        header += ["%s CPU: ns/event above untraced (wall)" % load, "cpu time", "vs twin (wall / cpu)"]
    rows = []
    for row in programs.all_rows():
        cells = [row.tracer if row.tracer != "none" else "-", row.label]
        for load in loads:
            entry = overhead[load].get(row.key)
            if entry is None:
                cells += ["-", "", ""]
            elif entry["na"]:
                cells += [_na(entry["na"])[:60], "", ""]
            elif row is programs.UNTRACED:
                cells += ["(%s ns/op)" % _spread(entry["ns_per_op"], 1),
                          "(%s)" % _num((entry["cpu_ns_per_op"] or {}).get("median"), 1), ""]
            else:
                twin = overhead[load].get(row.twin) if row.twin else None
                ratio = ""
                if twin and not twin["na"]:
                    ratio = "%s / %s" % (_ratio(entry, twin, "overhead_ns"),
                                         _ratio(entry, twin, "cpu_overhead_ns"))
                cpu = entry["cpu_overhead_ns"]
                cells += [_spread(entry["overhead_ns"], 1), _num(cpu["median"], 1) if cpu else "-", ratio]
        rows.append(cells)
    title = ("Per-event overhead: close(EBADF) loop, %s calls per CPU (printf rows %s), %d rounds"
             % (_num(cfg.n), _num(cfg.n_printf), rounds))
    return title + "\n" + _table(header, rows)


def throughput_table(overhead):
    header = ["tracer", "CPUs loaded", "delivered/s", "delivered", "lost (reported)", "unaccounted"]
    rows = []
    for load in sorted(overhead):
        for key in ("bt.printf", "js.printf"):
            entry = overhead[load].get(key)
            if entry is None:
                continue
            tracer = entry["tracer"]
            if entry["na"]:
                rows.append([tracer, load, _na(entry["na"])[:60], "", "", ""])
                continue
            o = entry.get("output") or {}
            rows.append([tracer, load, _spread(o.get("rate")), _spread(o.get("delivered")),
                         _spread(o.get("lost")), _spread(o.get("unaccounted"))])
    return "Output throughput: printf per event to a file under the loop\n" + _table(header, rows)


def startup_table(startup):
    header = ["what", "tracer", "to first output, ms", "to exit, ms"]
    rows = []
    for key, what in (("hello", "begin probe printing hello"), ("all_syscalls", "every syscall entry, first event")):
        for name, entry in sorted(startup.get(key, {}).items()):
            if entry["na"]:
                rows.append([what, name, _na(entry["na"])[:70], ""])
            else:
                rows.append([what, name, _spread(entry["first_output_s"], 0, 1000.0),
                             _spread(entry["exit_s"], 0, 1000.0)])
    return "Start (whole process, wall time from exec)\n" + _table(header, rows)


def reload_table(reload):
    header = ["change", "p50 ms", "p95 ms", "min..max ms", "samples"]
    rows = []
    for kind, what in (("add", "add one probe"), ("edit", "edit one probe (:edit)")):
        r = reload.get(kind, {})
        if r.get("na"):
            rows.append([what, _na(r["na"])[:80], "", "", ""])
            continue
        ms = r.get("ms")
        rows.append([what, _num(r.get("p50_ms"), 1), _num(r.get("p95_ms"), 1),
                     "%s..%s" % (_num(ms["min"], 1), _num(ms["max"], 1)) if ms else "-",
                     ms["n"] if ms else 0])
    title = "REPL reload: Enter to \"attached\", session of %d probes" % reload.get("session_probes", 20)
    return title + "\n" + _table(header, rows)


def dump_table(dump):
    header = ["what", "ms", "lines"]
    rows = []
    for key, what in (("bpftrace_exit", "bpftrace: map print at exit (SIGINT to exit)"),
                      ("jstap_exit", "jstap: end-of-run print (SIGINT to exit)"),
                      ("jstap_dump", "jstap: :dump in the REPL (Enter to prompt)")):
        e = dump.get(key, {})
        if e.get("na"):
            rows.append([what, _na(e["na"])[:80], ""])
        else:
            rows.append([what, _spread(e.get("seconds"), 0, 1000.0), _num(e.get("lines"))])
    return "Printing a map of %s keys\n" % _num(dump.get("keys")) + _table(header, rows)


def targets_table(targets):
    header = ["target", "value", "limit", "verdict"]
    rows = []
    for t in targets:
        unit = t["unit"]
        fmt = (lambda v: "%.2f%s" % (v, unit)) if unit == "x" else (lambda v: "%s %s" % (_num(v, 1), unit))
        value = fmt(t["value"]) if t["value"] is not None else "-"
        verdict = t["verdict"] if t["verdict"] != "n/a" else "n/a (%s)" % (t["why_na"] or "")[:60]
        rows.append([t["target"], value, "%s %s" % (t["comparison"], fmt(t["limit"])), verdict])
    return "Targets (ratios from this run)\n" + _table(header, rows)


def render(results, cfg):
    parts = []
    if "overhead" in results:
        parts.append(overhead_table(results["overhead"]["loads"], cfg, results["overhead"]["rounds"]))
        parts.append(throughput_table(results["overhead"]["loads"]))
    if "startup" in results:
        parts.append(startup_table(results["startup"]))
    if "reload" in results:
        parts.append(reload_table(results["reload"]))
    if "dump" in results:
        parts.append(dump_table(results["dump"]))
    parts.append(targets_table(results["targets"]))
    return "\n\n".join(parts)
