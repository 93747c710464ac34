"""The issue's targets, each judged from ratios of the same run: PASS, FAIL or n/a (with
why it could not be judged)."""

from . import programs

SUITE_LIMIT_S = 15 * 60


def _verdict(value, limit, at_most=True):
    if value is None:
        return "n/a"
    ok = value <= limit if at_most else value >= limit
    return "PASS" if ok else "FAIL"


def _target(name, value, limit, at_most=True, unit="x", why=None):
    return {"target": name, "value": value, "limit": limit, "unit": unit,
            "comparison": "<=" if at_most else ">=",
            "verdict": _verdict(value, limit, at_most), "why_na": why if value is None else None}


# Which overhead the targets judge: "overhead_ns" (wall) or "cpu_overhead_ns".
_judged = {"key": "overhead_ns"}


def judge_by(clock):
    _judged["key"] = "cpu_overhead_ns" if clock == "cpu" else "overhead_ns"


def _overhead(table, key):
    row = table.get(key) or {}
    return row.get(_judged["key"]), row.get("na")


def _ratio_of(table, a, b):
    """Median overhead of row a over row b, or (None, why)."""
    oa, na_a = _overhead(table, a)
    ob, na_b = _overhead(table, b)
    if na_a or na_b:
        return None, na_a or na_b
    if not oa or not ob:
        return None, "not measured"
    if ob["median"] <= 0:
        return None, "%s overhead lost in noise" % b
    return oa["median"] / ob["median"], None


def overhead_targets(overhead):
    out = []
    for load, table in sorted(overhead.items()):
        tag = "%s CPU%s loaded, %s" % (load, "" if load == "1" else "s",
                                       "cpu time" if _judged["key"].startswith("cpu") else "wall")
        v, why = _ratio_of(table, "js.execname", "bt.comm")
        out.append(_target("c[execname()]++ overhead vs bpftrace @[comm] = count(), " + tag, v, 0.75, why=why))
        for key, what in (("js.empty", "kernel.trace"), ("js.empty_alias", "syscall.close")):
            v, why = _ratio_of(table, key, "floor")
            out.append(_target("empty probe (%s) vs the floor, %s" % (what, tag), v, 1.1, why=why))
        worst, worst_row, missing = None, None, []
        for js in programs.JSTAP_ROWS:
            v, why = _ratio_of(table, js.key, js.twin)
            if v is None:
                missing.append(js.key)
            elif worst is None or v > worst:
                worst, worst_row = v, js.key
        t = _target("no jstap script slower than its bpftrace twin (worst: %s), %s" % (worst_row, tag),
                    None if missing else worst, 1.0,
                    why="not measured: %s" % ", ".join(missing) if missing else None)
        out.append(t)
        out.extend(_throughput_targets(table, tag.rsplit(", ", 1)[0]))
    return out


def _throughput_targets(table, tag):
    js, bt = table.get("js.printf") or {}, table.get("bt.printf") or {}
    why = js.get("na") or bt.get("na")
    v = None
    if not why:
        jr = ((js.get("output") or {}).get("rate") or {}).get("median")
        br = ((bt.get("output") or {}).get("rate") or {}).get("median")
        if jr and br:
            v = jr / br
        else:
            why = "not measured"
    out = [_target("printf throughput vs bpftrace, " + tag, v, 1.0, at_most=False, why=why)]
    unacc = None
    if not js.get("na"):
        s = (js.get("output") or {}).get("unaccounted")
        unacc = s["max"] if s else None
    out.append(_target("printf records neither delivered nor reported lost, " + tag, unacc, 0,
                       unit="records", why=js.get("na") or "not measured"))
    return out


def startup_targets(startup):
    hello = startup.get("hello", {})
    js, bt = hello.get("jstap", {}), hello.get("bpftrace", {})
    why = js.get("na") or bt.get("na")
    v = None
    if not why and js.get("first_output_s") and bt.get("first_output_s"):
        v = js["first_output_s"]["median"] / bt["first_output_s"]["median"]
    return [_target("start to first output vs bpftrace", v, 1.0, why=why or "not measured")]


def reload_targets(reload):
    out = []
    for kind in ("add", "edit"):
        r = reload.get(kind, {})
        for p, limit in (("p50_ms", 50.0), ("p95_ms", 100.0)):
            out.append(_target("reload (%s one probe, session of 20) %s" % (kind, p[:3]),
                               r.get(p), limit, unit="ms", why=r.get("na") or "not measured"))
    return out


def dump_targets(dump):
    js, bt = dump.get("jstap_dump", {}), dump.get("bpftrace_exit", {})
    why = js.get("na") or bt.get("na")
    v = None
    if not why and js.get("seconds") and bt.get("seconds"):
        v = js["seconds"]["median"] / bt["seconds"]["median"]
    return [_target(":dump of %s keys vs bpftrace's exit print" % format(dump.get("keys", 0), ","),
                    v, 0.5, why=why or "not measured")]


def all_targets(results, elapsed_s, full_run):
    out = []
    if "overhead" in results:
        out += overhead_targets(results["overhead"]["loads"])
    if "startup" in results:
        out += startup_targets(results["startup"])
    if "reload" in results:
        out += reload_targets(results["reload"])
    if "dump" in results:
        out += dump_targets(results["dump"])
    out.append(_target("whole suite wall time", elapsed_s if full_run else None, SUITE_LIMIT_S,
                       unit="s", why="judged only on a full run of every section"))
    return out
