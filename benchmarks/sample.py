#!/usr/bin/env python3
"""CPU and memory of the suite's processes while a scenario runs (benchmarks/run.sh starts and stops it).

    sample.py RUN_DIR OUT_FILE     samples every second until SIGTERM, then writes OUT_FILE

Groups: one per pid file in RUN_DIR/pids (the process and its descendants: kafka.pid and keycloak.pid
are the scripts that run the JVMs), `postgres` (every process named postgres: the whole server,
shared with anything else using it on this machine), `redis-server`, and `load generator` (the
Gatling JVM). CPU is utime+stime from /proc/<pid>/stat over the sampling time, in percent of one
core; RSS is the sum of the group's resident sets (VmRSS), the highest seen.
"""
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def processes():
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        # fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24
        out[int(entry)] = (int(fields[1]), comm, int(fields[11]) + int(fields[12]), int(fields[21]) * PAGE)
    return out


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def groups(run_dir, procs):
    children = {}
    for pid, (ppid, _, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    out = {}
    pid_dir = os.path.join(run_dir, "pids")
    for name in sorted(os.listdir(pid_dir)) if os.path.isdir(pid_dir) else []:
        if not name.endswith(".pid"):
            continue
        try:
            root = int(open(os.path.join(pid_dir, name)).read().strip())
        except (OSError, ValueError):
            continue
        members, todo = set(), [root]
        while todo:
            pid = todo.pop()
            if pid in procs and pid not in members:
                members.add(pid)
                todo.extend(children.get(pid, []))
        out[name[:-4]] = members
    out["postgres"] = {pid for pid, p in procs.items() if p[1] == "postgres"}
    out["redis-server"] = {pid for pid, p in procs.items() if p[1] == "redis-server"}
    out["load generator"] = {pid for pid, p in procs.items()
                             if p[1] == "java" and "gatling" in cmdline(pid).lower() and "maven" not in cmdline(pid).lower()}
    return out


def machine_ticks():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    values = [int(v) for v in parts]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def main():
    run_dir, out_file = sys.argv[1], sys.argv[2]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    first, last, max_rss = {}, {}, {}
    started = time.monotonic()
    busy0, total0 = machine_ticks()
    while True:
        procs = processes()
        for name, members in groups(run_dir, procs).items():
            rss = 0
            for pid in members:
                key = (name, pid)
                ticks = procs[pid][2]
                first.setdefault(key, ticks)
                last[key] = ticks
                rss += procs[pid][3]
            max_rss[name] = max(max_rss.get(name, 0), rss)
        if stop:
            break
        time.sleep(1)
    elapsed = time.monotonic() - started
    busy1, total1 = machine_ticks()
    cpu = {}
    for (name, pid), ticks in last.items():
        cpu[name] = cpu.get(name, 0) + ticks - first[(name, pid)]
    cores = os.cpu_count() or 1
    with open(out_file, "w") as f:
        f.write(f"sampled {elapsed:.0f} s; whole machine busy {100.0 * (busy1 - busy0) / max(1, total1 - total0) * cores:.0f} % of one core"
                f" (of {cores * 100} %)\n")
        f.write(f"{'process':<22} {'CPU % of one core':>18} {'max RSS MB':>11}\n")
        for name in sorted(max_rss, key=lambda n: -cpu.get(n, 0)):
            f.write(f"{name:<22} {100.0 * cpu.get(name, 0) / TICK / max(elapsed, 1e-9):>18.0f} {max_rss[name] / 1048576:>11.0f}\n")


if __name__ == "__main__":
    main()
