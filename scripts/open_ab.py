#!/usr/bin/env python3
"""First frame of `open` (or `beamer`) in a pty at 160x45, and peak RSS, for
several binaries and sessions interleaved in random order (BENCHMARKS.md,
"Opening"): open_ab.py N open|beamer NAME=BIN ... -- NAME=SESSION ...
The first frame is the moment 2,000 bytes have arrived; each run gets a
fresh copy of the session in its own store under /tmp/otm."""
import os, pty, select, struct, sys, termios, time, fcntl, statistics, shutil, signal, random
# usage: open_ab.py N MODE name=BIN ... -- file=PATH ...
args = sys.argv[1:]; N = int(args[0]); MODE = args[1]
sep = args.index("--"); bins = [a.split("=",1) for a in args[2:sep]]; files = [a.split("=",1) for a in args[sep+1:]]
def one(BIN, SRC, k):
    d = f"/tmp/otm/{k}"; shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    shutil.copy(SRC, d + "/s.toml")
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BIN, [BIN, "--dir", d, MODE, "s"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    n = 0; first = None
    while True:
        r, _, _ = select.select([fd], [], [], 0.03)
        now = time.perf_counter()
        if r:
            try: b = os.read(fd, 65536)
            except OSError: break
            n += len(b)
            if first is None and n >= 2000: first = now
        elif first is not None: break
        elif now - t0 > 5: break
    time.sleep(0.2)
    hwm = [l for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM")][0].split()[1]
    os.kill(pid, signal.SIGTERM); time.sleep(0.1)
    try: os.kill(pid, 9)
    except: pass
    os.waitpid(pid, 0)
    return (first - t0) * 1000, int(hwm) / 1024
res = {}
for k in range(N):
    combos = [(b, f) for b in bins for f in files]; random.shuffle(combos)
    for (bn, bp), (fn, fp) in combos:
        res.setdefault((bn, fn), []).append(one(bp, fp, k))
for (bn, fn), rs in sorted(res.items()):
    t = [r[0] for r in rs]; m = [r[1] for r in rs]
    print(sorted(round(x) for x in t)); print(f"{MODE} {bn:4} {fn:5}: first frame median {statistics.median(t):5.1f} ms (min {min(t):5.1f}, max {max(t):5.1f}), VmHWM median {statistics.median(m):5.1f} MB")
