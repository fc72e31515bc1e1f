#!/usr/bin/env bash
# compare-less.sh - kanbao and less side by side on big newsletters (issue 8).
#
# Requires: tmux (3.2 or later), python3 (3.7 or later), less and grep, on Linux
# (peak memory comes from /proc). Nothing else; no network.
#
# Usage: scripts/compare-less.sh [-b KANBAO] [-s "1 10 50 200"] [-N RUNS] [-T SEC]
#   -b KANBAO  kanbao binary (default: target/release/kanbao of this repository)
#   -s SIZES   newsletter sizes in MiB, space separated (default "1 10 50 200")
#   -N RUNS    runs per size and program (default 5); the table shows medians
#   -T SEC     timeout of each phase (default 60); a phase over it shows "timeout"
#
# For each size it writes a newsletter to a temporary directory: whole copies of
# assets/sample.txt, then one last article, unique in the file, whose body holds
# ENDMARKER终. Every program runs in its own detached tmux server of 120x40 that
# is polled with capture-pane through a control-mode client (every 2 ms, and at
# once when the pane prints). The clock starts when the program is exec'd (it
# waits behind a FIFO), so tmux start-up is not timed. Phases:
#   first screen  kanbao: the first article's title shows; less: the file's
#                 first line shows
#   last article  kanbao: G, Enter until ENDMARKER终 shows; less: G until it shows
#   search        a fresh instance, after its first screen: kanbao S, the term,
#                 then Enter until the popup says "1 matches of"; less
#                 /term, Enter until the line shows above the prompt row.
#                 Timed from Enter. grep -c on the same file is the reference
#   search indexed  the same in a third kanbao instance that is left to read
#                 the whole file first (its status bar no longer says "reading
#                 the file"): the search alone, without the reading
#   peak memory   VmHWM of the program, read before it is killed (the largest
#                 of its instances per run)
# First screen is the median over both instances of every run (2 x RUNS).
# less runs with LESS= LESSOPEN= and an empty HOME (no history file); kanbao
# with empty XDG_DATA_HOME/XDG_CONFIG_HOME/HOME (no bookmarks, no config).
# Progress goes to stderr, the table to stdout. Run it on an idle machine.
set -euo pipefail

die() { echo "compare-less: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../target/release/kanbao
sizes="1 10 50 200"
runs=5
timeout=60
while getopts "b:s:N:T:h" o; do
  case $o in
    b) bin=$OPTARG ;;
    s) sizes=$OPTARG ;;
    N) runs=$OPTARG ;;
    T) timeout=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage

for tool in tmux python3 less grep; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required but not installed"
done
[[ -r /proc/self/status ]] || die "/proc is required (Linux)"
[[ -x $bin && -f $bin ]] || die "kanbao binary '$bin' not found or not executable (build it, or pass -b)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
sample=$here/../assets/sample.txt
[[ -r $sample ]] || die "sample '$sample' not readable"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "-N wants a positive integer"
[[ $timeout =~ ^[0-9]+([.][0-9]+)?$ ]] || die "-T wants seconds"
read -r -a size_list <<<"$sizes"
[[ ${#size_list[@]} -gt 0 ]] || die "-s wants at least one size"
for s in "${size_list[@]}"; do
  [[ $s =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad size '$s' (MiB, e.g. 1 or 0.5)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-less.XXXXXX")
py_pid=
# shellcheck disable=SC2317  # invoked by the traps
cleanup() {
  trap - EXIT INT TERM HUP
  if [[ -n $py_pid ]]; then
    kill "$py_pid" 2>/dev/null || true
    wait "$py_pid" 2>/dev/null || true
  fi
  local d pid
  for d in "$work"/s*/; do
    pid=$(cat "$d/pid" 2>/dev/null) && kill -9 "$pid" 2>/dev/null
    [[ -S $d/sock ]] && tmux -S "$d/sock" kill-server 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

IFS= read -r -d '' core <<'PYEOF' || true
import os, re, select, signal, statistics, subprocess, sys, time

kanbao, sample, work = sys.argv[1:4]
runs, tmo = int(sys.argv[4]), float(sys.argv[5])
sizes = sys.argv[6:]
W, H, POLL = 120, 40, 0.002
TITLE = "为中国式现代化太仓新实践贡献工会力量"      # first article of the sample
END = "ENDMARKER终"
LAST = ("\n\n终篇：大文件测试的最后一篇\n\n这是生成文件的最后一篇文章，全文只有这里出现结束标记："
        + END + "。\n\n本报讯\n")
ONE_MATCH = re.compile(r"(?<![0-9])1 match(es)? of")
now = time.perf_counter

def log(msg): print(msg, file=sys.stderr, flush=True)

def interrupted(*_): raise KeyboardInterrupt
for s in (signal.SIGTERM, signal.SIGHUP): signal.signal(s, interrupted)

def generate(mb, path):
    with open(sample, "rb") as f: seed = f.read()
    if END.encode() in seed: sys.exit("compare-less: the sample already contains " + END)
    if not seed.endswith(b"\n"): seed += b"\n"
    copies = max(1, -(-int(float(mb) * 1048576) // len(seed)))
    chunk = seed * 64
    with open(path, "wb") as f:
        for _ in range(copies // 64): f.write(chunk)
        f.write(seed * (copies % 64))
        f.write(LAST.encode())
    return copies

def pick_term():
    for t in ("tmux-256color", "screen"):
        try:
            if subprocess.run(["infocmp", t], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0: return t
        except OSError: break
    return "screen"
TERM = pick_term()

class Timeout(Exception): pass
class Exited(Exception): pass

class Session:
    """One program in a private tmux server, watched by a control-mode client."""
    n = 0
    def __init__(self, cmd, extra_env):
        Session.n += 1
        self.dir = d = os.path.join(work, "s%d" % Session.n)
        os.makedirs(os.path.join(d, "home"))
        env = {k: v for k, v in os.environ.items()
               if k not in ("LC_ALL", "LC_CTYPE", "TMUX", "TMUX_PANE")}
        env.update(LANG="C.UTF-8", HOME=os.path.join(d, "home"))
        for k, v in extra_env.items(): env[k] = v.replace("{dir}", d)
        self.fifo = os.path.join(d, "gate"); os.mkfifo(self.fifo, 0o600)
        conf = os.path.join(d, "conf")
        with open(conf, "w") as f:
            f.write("set -g status off\nset -g remain-on-exit on\nset -g escape-time 0\n"
                    "set -g history-limit 100\nset -g default-terminal %s\n" % TERM)
        self.base = ["tmux", "-u", "-f", conf, "-S", os.path.join(d, "sock")]
        gate = ["/bin/sh", "-c", 'IFS= read -r _ <"$1"; shift; exec "$@"', "gate", self.fifo]
        out = subprocess.run(self.base + ["new-session", "-d", "-s", "m", "-x", str(W), "-y", str(H),
                                          "-P", "-F", "#{pane_id} #{pane_pid}", "--"] + gate + cmd
                             + [";", "set", "-g", "window-size", "manual"],
                             env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
        if out.returncode: raise RuntimeError("tmux: " + out.stderr.decode(errors="replace").strip())
        self.pane, pid = out.stdout.decode().split()[:2]; self.pid = int(pid)
        with open(os.path.join(d, "pid"), "w") as f: f.write(pid)
        self.ctl = subprocess.Popen(self.base + ["-C", "attach", "-t", "m"], bufsize=0, env=env,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
        self.fd = self.ctl.stdout.fileno(); self.buf = b""
        while b"compare-sync" not in b"\n".join(self.cmd("display-message -p compare-sync")): pass

    def _line(self, deadline):
        while b"\n" not in self.buf:
            if not select.select([self.fd], [], [], max(0.0, deadline - now()))[0]:
                raise RuntimeError("tmux control client stopped answering")
            chunk = os.read(self.fd, 1 << 16)
            if not chunk: raise RuntimeError("tmux control client exited")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def cmd(self, command):
        """Run one tmux command; its output lines (notifications are skipped)."""
        self.ctl.stdin.write(command.encode() + b"\n")
        deadline = now() + 10
        while True:
            line = self._line(deadline)
            if line.startswith(b"%begin "):
                num, body = line.split()[2], []
                while True:
                    line = self._line(deadline)
                    if line.startswith((b"%end ", b"%error ")) and line.split()[2:3] == [num]:
                        return body
                    body.append(line)

    def screen(self, skip_bottom=0):
        return b"\n".join(self.cmd("capture-pane -p -J -t %s -S 0 -E %d"
                                   % (self.pane, H - 1 - skip_bottom))).decode("utf-8", "replace")

    def alive(self):
        try:
            with open("/proc/%d/stat" % self.pid) as f: return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError: return False

    def nap(self, until):
        """Sleep until `until`, or less if the pane prints meanwhile."""
        while True:
            d = until - now()
            if d <= 0 or not select.select([self.fd], [], [], d)[0]: return
            chunk = os.read(self.fd, 1 << 16)
            if not chunk: raise RuntimeError("tmux control client exited")
            self.buf += chunk                  # only notifications can be waiting here
            if b"%output" in self.buf:
                self.buf = self.buf[self.buf.rfind(b"\n") + 1:]
                return

    def wait(self, cond, t0, skip_bottom=0):
        """Seconds from t0 until the screen satisfies cond (upper bound)."""
        while True:
            t = now()
            if t - t0 > tmo: raise Timeout()
            if cond(self.screen(skip_bottom)): return now() - t0
            if not self.alive(): raise Exited()
            time.sleep(POLL / 4)
            self.nap(t + POLL)

    def keys(self, *keys, literal=False):
        self.cmd("send-keys -t %s %s-- %s" % (self.pane, "-l " if literal else "",
                                             " ".join("'%s'" % k for k in keys)))

    def start(self):
        """Release the program; returns the moment it was let go."""
        fd = os.open(self.fifo, os.O_WRONLY)
        t0 = now(); os.write(fd, b"\n"); os.close(fd)
        return t0

    def hwm_kb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"): return int(line.split()[1])
        except OSError: pass
        return None

    def close(self):
        # kill the program first: a TUI whose terminal vanishes may linger
        if self.alive():
            try: os.kill(self.pid, signal.SIGKILL)
            except OSError: pass
        try: self.ctl.stdin.close()
        except OSError: pass
        subprocess.run(self.base + ["kill-server"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try: self.ctl.wait(timeout=5)
        except subprocess.TimeoutExpired: self.ctl.kill()
        subprocess.run(["rm", "-rf", self.dir])

def session(prog, path, first_line, action):
    """Run prog on path: first screen, then one action. Returns a dict of results."""
    if prog == "kanbao":
        cmd = [kanbao, path]
        env = {"XDG_DATA_HOME": "{dir}/data", "XDG_CONFIG_HOME": "{dir}/config",
               "XDG_CACHE_HOME": "{dir}/cache"}
        first, skip = TITLE, 0
    else:
        cmd = ["less", path]
        env = {"LESS": "", "LESSOPEN": "", "LESSCLOSE": "", "LESSKEY": "", "LESSHISTFILE": ""}
        first, skip = first_line, 1
    res = {}
    s = Session(cmd, env)
    phase = "first"
    try:
        res["first"] = s.wait(lambda scr: first in scr, s.start())
        if action == "last":
            phase = "last"
            if END in s.screen(skip): raise RuntimeError("end marker on the first screen")
            t0 = now()
            s.keys("G", "Enter") if prog == "kanbao" else s.keys("G")
            res["last"] = s.wait(lambda scr: END in scr, t0, skip)
        else:
            phase = "search"
            if action == "search-indexed":
                # kanbao has read the whole file: the status bar says so no more (twice, 50 ms
                # apart, so that a frame caught half drawn does not count).
                while True:
                    s.wait(lambda scr: "reading the file" not in scr, now())
                    time.sleep(0.05)
                    if "reading the file" not in s.screen(): break
            s.keys("S" if prog == "kanbao" else "/")
            s.keys(END, literal=True)
            s.wait(lambda scr: END in scr, now())          # the prompt shows the term
            t0 = now(); s.keys("Enter")
            if prog == "kanbao": res["search"] = s.wait(lambda scr: ONE_MATCH.search(scr), t0)
            else: res["search"] = s.wait(lambda scr: END in scr, t0, skip)
    except Timeout: res[phase] = "timeout"
    except Exited: res[phase] = "exited"
    finally:
        res["hwm"] = s.hwm_kb()
        s.close()
    return res

def median(xs, scale, fmt):
    ok = [x for x in xs if isinstance(x, (int, float))]
    if not ok: return next((x for x in xs if isinstance(x, str)), "n/a")
    return (fmt % (statistics.median(ok) * scale)) + ("!" if len(ok) < len(xs) else "")

def fmt_v(v, scale=1000.0):
    return v if isinstance(v, str) else "NA" if v is None else "%.1f" % (v * scale)

rows = []
for mb in sizes:
    path = os.path.join(work, "news-%smb.txt" % mb)
    copies = generate(mb, path)
    with open(path, "rb") as f:
        first_line = next(l for l in f if l.strip()).decode().strip()[:20]
        while f.read(1 << 24): pass                        # warm the page cache
    nbytes = os.path.getsize(path)
    log("== %s MiB: %s (%d bytes, %d copies of the sample + the last article)"
        % (mb, path, nbytes, copies))
    r = {k: [] for k in ("kf", "lf", "kl", "ll", "ks", "ki", "ls", "grep", "km", "lm")}
    for n in range(1, runs + 1):
        ka = session("kanbao", path, first_line, "last")
        la = session("less", path, first_line, "last")
        kb = session("kanbao", path, first_line, "search")
        kc = session("kanbao", path, first_line, "search-indexed")
        lb = session("less", path, first_line, "search")
        t = now()
        g = subprocess.run(["grep", "-c", END, path], capture_output=True)
        gt = now() - t
        if g.stdout.strip() != b"1": sys.exit("compare-less: grep -c found %r" % g.stdout)
        r["kf"] += [ka.get("first"), kb.get("first")]; r["lf"] += [la.get("first"), lb.get("first")]
        r["kl"].append(ka.get("last")); r["ll"].append(la.get("last"))
        r["ks"].append(kb.get("search")); r["ki"].append(kc.get("search"))
        r["ls"].append(lb.get("search")); r["grep"].append(gt)
        for key, runs_ in (("km", (ka, kb, kc)), ("lm", (la, lb))):
            m = [x["hwm"] for x in runs_ if x["hwm"] is not None]
            r[key].append(max(m) if m else None)
        log("  run %d: kanbao first %s/%s last %s search %s (indexed %s) peak %s MB | less first "
            "%s/%s G %s search %s peak %s MB | grep -c %.1f ms"
            % (n, fmt_v(ka.get("first")), fmt_v(kb.get("first")), fmt_v(ka.get("last")),
               fmt_v(kb.get("search")), fmt_v(kc.get("search")), fmt_v(r["km"][-1], 1 / 1024),
               fmt_v(la.get("first")), fmt_v(lb.get("first")), fmt_v(la.get("last")),
               fmt_v(lb.get("search")), fmt_v(r["lm"][-1], 1 / 1024), gt * 1000))
    os.remove(path)
    kf = [x for x in r["kf"] if isinstance(x, float)]; lf = [x for x in r["lf"] if isinstance(x, float)]
    ratio = "%.1fx" % (statistics.median(kf) / statistics.median(lf)) if kf and lf else "n/a"
    ms = lambda k: median(r[k], 1000.0, "%.1f")
    mib = lambda k: median([x for x in r[k] if x is not None] or [None], 1 / 1024, "%.1f")
    rows.append(["%s MB" % mb, ms("kf"), ms("lf"), ratio, ms("kl"), ms("ll"), ms("ks"), ms("ki"),
                 ms("ls"), ms("grep"), mib("km"), mib("lm")])

head = ["size", "kanbao first screen ms", "less first screen ms", "ratio", "kanbao last article ms",
        "less G ms", "kanbao search ms", "kanbao search indexed ms", "less search ms", "grep -c ms",
        "kanbao peak MB", "less peak MB"]
width = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
line = lambda cells: "| " + " | ".join(c.rjust(w) for c, w in zip(cells, width)) + " |"
print("kanbao %s vs %s, %dx%d, medians of %d runs (first screen: %d samples); "
      "ratio = kanbao / less first screen" % (kanbao, subprocess.run(["less", "--version"],
      capture_output=True).stdout.decode().split("\n")[0], W, H, runs, 2 * runs))
print(line(head)); print("|" + "|".join("-" * (w + 2) for w in width) + "|")
for row in rows: print(line(row))
if any("!" in c for row in rows for c in row):
    print("! = some runs timed out or exited; the median is of the others")
PYEOF

python3 -c "$core" "$bin" "$sample" "$work" "$runs" "$timeout" "${size_list[@]}" &
py_pid=$!
status=0
wait "$py_pid" || status=$?
py_pid=
exit "$status"
