#!/usr/bin/env python3
"""Figures of one Gatling report (its index.html statistics table), for run.sh.

    report.py REPORT_DIR NAME RATE DURATION PGBENCH_TPS     the scenario's one summary line
    report.py REPORT_DIR --requests                          one line per request name
"""
import html
import re
import sys

COLUMNS = {2: "total", 3: "ok", 4: "ko", 6: "rps", 7: "min", 8: "p50", 9: "p75", 10: "p95", 11: "p99", 12: "max", 13: "mean"}


def rows(report_dir):
    text = open(f"{report_dir}/index.html", encoding="utf-8").read()
    out = []
    for row in re.findall(r"<tr id=\"[^\"]+\"[^>]*>(.*?)</tr>", text, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row, re.S)
        values = {}
        for col, value in re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', row):
            if int(col) in COLUMNS:
                values[COLUMNS[int(col)]] = value.strip()
        if name and values:
            out.append((html.unescape(name.group(1)), values))
    return out


def main():
    table = rows(sys.argv[1])
    if sys.argv[2] == "--requests":
        for name, v in table[1:]:
            print(f"   {name:<18} {v['total']:>7} requests, {v['rps']:>6}/s, p50 {v['p50']} ms, p99 {v['p99']} ms,"
                  f" max {v['max']} ms, errors {v['ko']}")
        return
    name, rate, duration, pg = sys.argv[2], float(sys.argv[3]), sys.argv[4], float(sys.argv[5])
    _, v = table[0]
    rps = float(v["rps"])
    ratio = f"; {100 * rps / pg:.1f} % of pgbench's rate" if pg else ""
    print(f"{name:<8} {rate:g} users/s for {duration} s: {rps:.1f} requests/s, p50 {v['p50']} ms, p99 {v['p99']} ms,"
          f" max {v['max']} ms, errors {v['ko']}/{v['total']}{ratio}")


if __name__ == "__main__":
    main()
