#!/usr/bin/env python3
"""Where the web bundle's bytes go: code and data of the release wasm by crate and module.

    scripts/wasm-size.py            build (about 3 minutes), then print the table
    scripts/wasm-size.py --no-build print the table for the last build
    scripts/wasm-size.py --top 30   also list the 30 largest functions

It builds the release wasm as trunk does, but with v0 symbol names (they keep generic
arguments, so `sort_by_key<String, Pip::show::{closure}>` says whose sort it is) and a linker
map (data symbols), into target/wasm-size/. `wasm-opt -Oz -g` gives the same code and data as
the shipped `-Oz`, with names. A function belongs to the module its name starts with (standard
library generics instantiated for our types are listed apart); a piece of data belongs to the
functions that load its address, or to the data that points at it. "gz" is what the gzipped
code and data would lose without the group (compressed again without it), so groups sharing
words each count only what is theirs. See docs/web-size.md. Needs scripts/setup's tools.
"""

import bisect
import collections
import glob
import os
import re
import subprocess
import sys
import tomllib
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "wasm-size")
TARGET_DIR = os.path.join(OUT, "cargo")
STD = {"core", "alloc", "std", "hashbrown", "compiler_builtins", "dlmalloc", "std_detect", "rustc_demangle"}
PRIMITIVES = {"str", "f64", "f32", "char", "u128", "i128", "u64", "i64", "u32", "i32", "u16", "i16", "u8", "i8", "usize", "isize", "bool"}


def run(cmd, **kw):
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def build():
    os.makedirs(OUT, exist_ok=True)
    env = dict(os.environ, CARGO_TARGET_DIR=TARGET_DIR, RUSTFLAGS="-C symbol-mangling-version=v0")
    env["PATH"] = os.path.join(ROOT, "tools/node_modules/.bin") + os.pathsep + os.path.expanduser("~/.cargo/bin") + os.pathsep + env["PATH"]
    cargo = ["cargo", "rustc", "--release", "--target", "wasm32-unknown-unknown", "--bin", "venvlab", "--quiet"]
    run(cargo + ["--", "-C", f"link-arg=--Map={OUT}/map.txt"], env=env)
    wasm = f"{TARGET_DIR}/wasm32-unknown-unknown/release/venvlab.wasm"
    run(["wasm-bindgen", "--target=web", f"--out-dir={OUT}", "--out-name=venvlab", "--no-typescript", wasm], env=env)
    run(["wasm-opt", "-Oz", "-g", f"{OUT}/venvlab_bg.wasm", "-o", f"{OUT}/named.wasm"], env=env)
    run(["wasm-opt", "-Oz", f"{OUT}/venvlab_bg.wasm", "-o", f"{OUT}/shipped.wasm"], env=env)
    run(["wasm-dis", f"{OUT}/named.wasm", "-o", f"{OUT}/named.wat"], env=env)


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def parse_wasm(path):
    """Function bodies (with names) and data segments (offset, bytes) of a wasm file."""
    b = open(path, "rb").read()
    i, imports, bodies, datas, names = 8, 0, [], [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 0:
            n, j = leb(b, i)
            if b[j:j + n] == b"name":
                j += n
                while j < end:
                    sub = b[j]
                    sl, j = leb(b, j + 1)
                    if sub == 1:
                        cnt, k = leb(b, j)
                        for _ in range(cnt):
                            idx, k = leb(b, k)
                            ln, k = leb(b, k)
                            names[idx] = b[k:k + ln].decode("utf8", "replace")
                            k += ln
                    j += sl
        elif sid == 2:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                for _ in range(2):
                    ln, j = leb(b, j)
                    j += ln
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                else:
                    j += 2
        elif sid == 10:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                ln, j = leb(b, j)
                bodies.append(b[j:j + ln])
                j += ln
        elif sid == 11:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                mode, j = leb(b, j)
                if mode == 2:
                    _, j = leb(b, j)
                off = 0
                if mode in (0, 2):
                    off, j = leb(b, j + 1)  # i32.const, unsigned is enough for our addresses
                    j += 1  # end
                ln, j = leb(b, j)
                datas.append((off, b[j:j + ln]))
                j += ln
        i = end
    funcs = [(re.sub(r"\[[0-9a-f]+\]", "", names.get(imports + k, "?")), body) for k, body in enumerate(bodies)]
    return funcs, datas, len(b)


def venvlab_module(path):
    parts = path.split("::")[1:]
    if not parts:
        return "venvlab"
    if parts[0] == "python" and len(parts) > 2:
        return {"lang": "python::lang", "pip": "python::pip", "index": "python::index", "packages": "python::index"}.get(parts[1], "python (host, program, pyenv, wheel, venv, ...)")
    if parts[0] == "programs" and len(parts) > 2:
        return {"sed": "programs::sed", "grep": "programs::grep + regex", "regex": "programs::grep + regex"}.get(parts[1], "programs (the others)")
    if parts[0] in ("shell", "fs", "lesson", "web"):
        return {"shell": "shell", "fs": "fs", "lesson": "lesson engine", "web": "web: our components (incl. yew instantiated for them)"}[parts[0]]
    return "session, world, io, complete, sort, style, ..."


def group(name):
    """The row a function belongs to."""
    bare = name.lstrip("<&*").replace("mut ", "").replace("dyn ", "")
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", bare)
    crate = m.group(0) if m else "?"
    ours = re.search(r"venvlab::[A-Za-z0-9_:]+", name)
    if crate == "venvlab":
        return venvlab_module(re.match(r"venvlab::[A-Za-z0-9_:]+", bare).group(0))
    if crate in STD or crate in PRIMITIVES or crate == "?" or crate.startswith("__"):
        if "slice::sort" in name:
            return "std: slice sort instances"
        if ours:
            return "std generics for our types (drop glue, BTreeMap, Vec, iter, clone)"
        if "yew::" in name:
            return "yew (+ implicit_clone, indexmap)"
        if "im::" in name or "sized_chunks::" in name:
            return "im (+ sized_chunks, bitmaps)"
        if re.search(r"flt2dec|dec2flt|::fmt::|fmt::|FromStr", name):
            return "core::fmt and float formatting/parsing"
        if "unicode" in name or "to_lowercase" in name or "to_uppercase" in name:
            return "core::unicode (case tables)"
        if "dlmalloc" in name or "__rdl" in name:
            return "dlmalloc"
        return "std, core, alloc: the rest (str, String, BTreeMap, libm, i128, panics)"
    if crate == "yew" and ours:
        return "web: our components (incl. yew instantiated for them)"
    table = {
        "yew": "yew (+ implicit_clone, indexmap)", "implicit_clone": "yew (+ implicit_clone, indexmap)", "indexmap": "yew (+ implicit_clone, indexmap)",
        "gloo_utils": "yew (+ implicit_clone, indexmap)", "im": "im (+ sized_chunks, bitmaps)", "sized_chunks": "im (+ sized_chunks, bitmaps)", "bitmaps": "im (+ sized_chunks, bitmaps)",
        "pulldown_cmark": "pulldown-cmark (+ unicase, memchr)", "unicase": "pulldown-cmark (+ unicase, memchr)", "memchr": "pulldown-cmark (+ unicase, memchr)",
    }
    if crate in table:
        return table[crate]
    if crate.startswith("toml") or crate.startswith("serde") or crate == "winnow":
        return "toml + serde + serde_path_to_error"
    if crate in ("wasm_bindgen", "web_sys", "js_sys", "main", "gloo_timers", "Closure"):
        return "wasm-bindgen, web-sys, js-sys glue"
    return "other: " + crate


def data_symbols(map_path):
    """(address, size, name) of the symbols in .rodata, from wasm-ld's map."""
    lines = open(map_path).read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith(" DATA"))
    syms = []
    for line in lines[start + 1:]:
        p = line.split()
        if p and p[0] == "-":
            break
        if len(p) == 4 and not p[3].startswith("/"):
            syms.append((int(p[0], 16), int(p[2], 16), p[3]))
    rodata = next((a, s) for a, s, n in syms if n == ".rodata")
    return sorted((a, s, n) for a, s, n in syms if n not in (".rodata", ".data", ".bss") and rodata[0] <= a < rodata[0] + rodata[1])


def main():
    args = sys.argv[1:]
    if "--no-build" not in args:
        build()
    top = int(args[args.index("--top") + 1]) if "--top" in args else 0
    funcs, datas, total = parse_wasm(f"{OUT}/named.wasm")
    _, _, shipped = parse_wasm(f"{OUT}/shipped.wasm")
    mem = bytearray(max(o + len(d) for o, d in datas))
    for o, d in datas:
        mem[o:o + len(d)] = d
    syms = data_symbols(f"{OUT}/map.txt")
    starts = [a for a, _, _ in syms]
    lo, hi = syms[0][0], len(mem)

    def find(addr):
        k = bisect.bisect_right(starts, addr) - 1
        return k if k >= 0 and syms[k][0] <= addr < syms[k][0] + max(syms[k][1], 1) else None

    def plausible(v):  # an address, not 0x110000 (the niche of Option<char>)
        return lo <= v < hi and not 0x110000 <= v <= 0x110004

    fgroup = {name: group(name) for name, _ in funcs}
    # Which functions load each data symbol's address.
    users = collections.defaultdict(collections.Counter)
    current = None
    func_re = re.compile(r'^ \(func \$(?:"(.*?)"|(\S+))')
    const_re = re.compile(r"(?:i32\.const |offset=)(\d+)")
    for line in open(f"{OUT}/named.wat"):
        if line.startswith(" (func "):
            m = func_re.match(line)
            current = re.sub(r"\[[0-9a-f]+\]", "", m.group(1) or m.group(2))
            continue
        if line.startswith(" (data"):
            current = None
        if current and ("i32.const" in line or "offset=" in line):
            for v in map(int, const_re.findall(line)):
                if plausible(v) and (k := find(v)) is not None:
                    g = fgroup.get(current, "?")
                    if g.startswith("std generics for our types") or g == "std: slice sort instances":
                        g = venvlab_module(re.search(r"venvlab::[A-Za-z0-9_:]+", current).group(0) + "::x") if "venvlab::" in current else g
                    users[k][g] += 1
    # Tables of pointers (string slices, structs) pass their owners on to what they point at.
    pointed_by = collections.defaultdict(set)
    for k, (a, s, n) in enumerate(syms):
        if s >= 8 and "4core" not in n:
            for off in range(0, s - 3, 4):
                v = int.from_bytes(mem[a + off:a + off + 4], "little")
                if plausible(v) and (j := find(v)) is not None and j != k:
                    pointed_by[j].add(k)
    # The course build.rs compiles in: texts that are in the lesson files, Markdown encoded as
    # marks (src/lesson/markdown.rs: U+0001 and a letter), and the tables of lessons, steps and
    # goals that point only at such data.
    lessons = b"".join(open(p, "rb").read() for p in glob.glob(os.path.join(ROOT, "lessons", "*.toml")))

    def course_text(b):
        marks = b[:1] == b"\x01" and b[1:2] in b"phqbuoiesacnr/" and len(b) >= 3
        return (len(b) >= 8 and b in lessons) or (marks and "\ufffd" not in b.decode("utf-8", "replace"))

    course = {k for k, (a, s, _) in enumerate(syms) if course_text(bytes(mem[a:a + s]))}
    # The licence lines of the package index (build.rs keeps them in one text).
    with open(os.path.join(ROOT, "src", "python", "index.toml"), "rb") as f:
        index = tomllib.load(f)
    licence_lines = {line.encode() for package in index["package"] for line in package.get("license", "").split("\n")}

    def licence_text(b):
        return len(b) >= 64 and all(line in licence_lines for line in b.split(b"\n"))

    points_to = collections.defaultdict(set)
    for j, ks in pointed_by.items():
        for k in ks:
            points_to[k].add(j)
    grew = True
    while grew:
        grew = False
        for k, targets in points_to.items():
            if k not in course and targets and targets <= course:
                course.add(k)
                grew = True
    owners = {}

    def owner(k, depth=0):
        if k in owners:
            return owners[k]
        owners[k] = collections.Counter()
        c = collections.Counter(users.get(k, {}))
        if depth < 30:
            for j in pointed_by.get(k, ()):
                c.update(owner(j, depth + 1))
        owners[k] = c
        return c

    dshare = collections.defaultdict(list)  # group -> [(symbol index, share)]
    for k, (a, s, n) in enumerate(syms):
        if "unicode" in n:
            c = collections.Counter({"core::unicode (case tables)": 1})
        elif "dec2flt" in n or "flt2dec" in n:
            c = collections.Counter({"core::fmt and float formatting/parsing": 1})
        elif licence_text(bytes(mem[a:a + s])):
            c = collections.Counter({"python::index": 1})
        elif k in course:
            c = collections.Counter({"the course (lessons/ compiled in by build.rs)": 1})
        else:
            c = owner(k) or collections.Counter({"(data not attributed)": 1})
        for g, v in c.items():
            dshare[g].append((k, v / sum(c.values())))
    bodies = [body for _, body in funcs]
    gz = lambda b: len(zlib.compress(b, 9))  # noqa: E731
    whole = gz(b"".join(bodies) + b"".join(bytes(mem[a:a + s]) for a, s, _ in syms))
    rows = []
    for g in sorted(set(fgroup.values()) | set(dshare)):
        code = sum(len(b) for name, b in funcs if fgroup[name] == g)
        data = sum(syms[k][1] * w for k, w in dshare.get(g, ()))
        mine = {k for k, w in dshare.get(g, ()) if w >= 0.5}
        rest = b"".join(b for name, b in funcs if fgroup[name] != g) + b"".join(bytes(mem[a:a + s]) for k, (a, s, _) in enumerate(syms) if k not in mine)
        rows.append((code + data, code, data, whole - gz(rest), g))
    rows.sort(reverse=True)
    shipped_gz = len(subprocess.run(["gzip", "-9c", f"{OUT}/shipped.wasm"], check=True, capture_output=True).stdout)
    print(f"wasm after wasm-opt -Oz: {shipped} bytes, {shipped_gz} gzipped (v0 names make it differ from trunk's by ~0.1%)")
    print(f"gz column: what gzip -9 of all code and data ({whole} bytes) loses without the group")
    print(f"{'group':<72} {'raw':>9} {'code':>9} {'data':>9} {'gz':>8}")
    for raw, code, data, marginal, g in rows:
        print(f"{g:<72} {raw:>9.0f} {code:>9} {data:>9.0f} {marginal:>8}")
    if top:
        print(f"\nthe {top} largest functions:")
        for name, body in sorted(funcs, key=lambda f: -len(f[1]))[:top]:
            print(f"{len(body):>8} {name[:150]}")


if __name__ == "__main__":
    main()
