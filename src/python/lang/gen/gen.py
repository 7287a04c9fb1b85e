"""Records what CPython 3.12 prints for every case in corpus.py into src/python/lang/cases.rs."""
import os, subprocess, shutil, sys
sys.path.insert(0, os.path.dirname(__file__))
from corpus import CASES, FILES, REPL
PY = "/root/.pyenv/versions/3.12.1/bin/python3"
D = "/tmp/t"
shutil.rmtree(D, ignore_errors=True)
for name, text in FILES.items():
    os.makedirs(os.path.dirname(os.path.join(D, name)), exist_ok=True)
    open(os.path.join(D, name), "w").write(text)
def rs(s):
    return 'r###"' + s + '"###'
out = ["//! Programs and what CPython 3.12.1 printed for them (stdout and stderr together) and its",
       "//! exit status, recorded by `gen/gen.py` from `gen/corpus.py`. `-c` programs have the file name `<string>`;",
       "//! scripts are `/tmp/t/s.py`, with the modules of `FILES` beside them.", "",
       "/// Module files beside the scripts (paths relative to `/tmp/t`).",
       "pub const FILES: &[(&str, &str)] = &["]
for name, text in FILES.items():
    out.append(f"    ({rs(name)}, {rs(text)}),")
out.append("];")
out.append("")
out.append("/// (file name, source, expected output, exit status).")
out.append("pub const CASES: &[(&str, &str, &str, i32)] = &[")
for kind, code in CASES:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if kind == "c":
        args, fname = [PY, "-u", "-c", code], "<string>"
    else:
        open(f"{D}/s.py", "w").write(code)
        args, fname = [PY, "-u", f"{D}/s.py"], f"{D}/s.py"
    for pyc in ["__pycache__", "pkg/__pycache__"]:
        shutil.rmtree(os.path.join(D, pyc), ignore_errors=True)
    p = subprocess.run(args, cwd=D, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    text = p.stdout.decode()
    out.append(f"    ({rs(fname)}, {rs(code)}, {rs(text)}, {p.returncode}),")
out.append("];")
out.append("")
out.append("/// Interactive sessions: (lines typed, transcript of prompts and output, exit status).")
out.append("pub const REPL_CASES: &[(&[&str], &str, i32)] = &[")
for lines in REPL:
    p = subprocess.run([PY, "-i", "-q", "-u"], cwd=D, input=("\n".join(lines) + "\n").encode(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    quoted = ", ".join(rs(l) for l in lines)
    out.append(f"    (&[{quoted}], {rs(p.stdout.decode())}, {p.returncode}),")
out.append("];")
open(os.path.join(os.path.dirname(__file__), "../cases.rs"), "w").write("\n".join(out) + "\n")
print(len(CASES), "cases")
