#!/usr/bin/env python3
"""Records index.toml, venvlab's bundled package index, from the real PyPI.

    python3 src/python/record-index.py [PYTHON3.12]    (default /root/.pyenv/versions/3.12.1/bin/python)

Needs network access to PyPI and a CPython 3.12 on x86-64 Linux; works in a temporary directory
and writes only index.toml next to this script. The index is PyPI as it stood at SNAPSHOT (the
day tests/golden/04-install-with-dependencies.out was recorded: it shows certifi 2026.10.18,
superseded on 2026-10-22), so dependency choices come from pip 26's `--uploaded-prior-to`;
everything else (wheels, installed layout, `pip show`) from pip 24.2, installed the way CPython
3.12.7's ensurepip installs its bundled pip-24.2 wheel.

PACKAGES holds the versions the golden transcripts and lessons pin and, for every project, the
newest version at SNAPSHOT that pip would take for CPython 3.12 on x86-64 Linux (not yanked, not a
pre-release, with a wheel for that platform), so an unpinned `pip install NAME` in venvlab installs
what it installed that day; the run checks both against pip 26's resolver. pip 24.2, run from its
wheel, installs and shows every package, even the pip 26.2.1 that replaces it in a venv of its own.

Each [[versions]] entry is what pip 24.2 reports when no version of a project matches, e.g.
`pip install numpy==9`:
    ERROR: Ignored the following yanked versions: <yanked, joined by ", ">
    ERROR: Ignored the following versions that require a different python version: <requires_python
           as "VERSION Requires-Python SPEC", joined by "; ">
    ERROR: Could not find a version that satisfies the requirement numpy==9 (from versions: <available,
           joined by ", ">)
(each of the first two lines only when its list is not empty). It is pip 24.2's own answer: every
file of the project that PyPI's JSON API (/pypi/NAME/json) lists as uploaded before SNAPSHOT, with
its yanked flag and Requires-Python, goes into a local simple-index page, and pip 24.2 is asked for
an impossible version against that page alone. So `available` holds the versions pip can use
(ascending PEP 440 order, as pip prints them: neither yanked ones nor ones whose Requires-Python
excludes CPython 3.12, and none whose only files are wheels for other platforms, .exe or .egg),
`yanked` the yanked ones, and `requires_python` [version, Requires-Python] pairs in pip's order
(sorted as the strings "VERSION Requires-Python SPEC").
"""
import email, html, json, os, re, subprocess, sys, tempfile, urllib.request, zipfile
from pathlib import Path

SNAPSHOT = "2026-10-22T00:00:00Z"
PIP, RESOLVER_PIP = "24.2", "26.3"
PACKAGES = [  # (name, version); the set must be closed under dependencies and hold each project's
    # newest version at SNAPSHOT, what an unpinned `pip install NAME` chooses (both checked below)
    ("pip", "24.2"), ("pip", "26.2.1"), ("numpy", "2.1.2"), ("numpy", "1.26.4"), ("numpy", "2.5.4"),
    ("requests", "2.32.3"), ("requests", "2.31.0"), ("requests", "2.34.2"), ("certifi", "2026.10.18"),
    ("charset-normalizer", "3.5.2"), ("idna", "3.20"), ("idna", "3.10"), ("urllib3", "2.8.0"), ("cowsay", "6.1"),
    ("six", "1.17.0"), ("six", "1.16.0"), ("python-dateutil", "2.9.0.post0"), ("python-dateutil", "3.0.0"), ("tzdata", "2026.5"),
]
PLATFORM = ["--only-binary=:all:", "--python-version", "3.12", "--implementation", "cp",
            "--abi", "cp312", "--platform", "manylinux_2_17_x86_64",
            "--platform", "manylinux2014_x86_64", "--platform", "manylinux_2_28_x86_64"]
HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent.parent / "tests" / "golden"


def run(*cmd, screen=False):
    """Runs cmd; returns its standard output, or with screen=True what a terminal would show."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # as in a pipe
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env)
    if p.returncode and not screen:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stdout}{p.stderr}")
    return p.stdout + p.stderr if screen else p.stdout


def canon(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pip24(env, wheels):
    """pip 24.2 run from its wheel by env's Python: it installs into env and shows what is there
    even once env's own pip is another version."""
    return [env / "bin/python", wheels / f"pip-{PIP}-py3-none-any.whl/pip"]


def make_venv(py, path, wheels):
    """A venv whose pip 24.2 is installed as ensurepip installs it (from the wheel, no index)."""
    run(py, "-m", "venv", "--without-pip", path)
    run(*pip24(path, wheels), "install", "-q", "--no-cache-dir", "--no-index", "--find-links", wheels,
        f"pip=={PIP}")
    return path


def record(env, wheels, name, version):
    """One [[package]] entry, read from the wheel and from its installed copy in env."""
    wheel = next(w for w in wheels.glob("*.whl")
                 if canon(w.name.split("-")[0]) == canon(name) and w.name.split("-")[1] == version)
    site = next((env / "lib").glob("python3.*/site-packages"))
    di = next(site.glob(f"{wheel.name.split('-')[0]}-{version}.dist-info"))
    meta = email.message_from_bytes(zipfile.ZipFile(wheel).read(f"{di.name}/METADATA"))
    show = run(*pip24(env, wheels), "show", name)
    m = re.match(r"Name: (.*)\nVersion: .*\nSummary: (.*)\nHome-page: (.*)\nAuthor: (.*)\n"
                 r"Author-email: (.*)\nLicense: ((?s:.*?))\nLocation: ", show)
    record_paths = [l.rsplit(",", 2)[0] for l in (di / "RECORD").read_text().splitlines()]
    tops = sorted({p.split("/")[0] for p in record_paths}
                  - {di.name, "..", "__pycache__"})
    outside = sorted(p for p in record_paths if p.startswith(".."))
    scripts = {}
    if (di / "entry_points.txt").exists():
        section = None
        for line in (di / "entry_points.txt").read_text().splitlines():
            if line.startswith("["):
                section = line.strip("[]")
            elif section == "console_scripts" and "=" in line:
                k, v = line.split("=", 1)
                scripts[k.strip()] = v.strip()
    assert all(p.startswith("../../../bin/") for p in outside), outside  # only scripts outside
    if (di / "top_level.txt").exists():
        top_level = (di / "top_level.txt").read_text().split()
    else:
        top_level = [t.removesuffix(".py") for t in tops if "." not in t.removesuffix(".py")]
    files = {}
    for t in tops:
        if (site / t).is_dir():
            files[t] = sorted(e.name + "/" * e.is_dir() for e in (site / t).iterdir())
        else:
            files.setdefault("", []).append(t)
    version_line, version_file = "", ""
    pattern = re.compile(r"^\s*(__version__|version)\s*=.*['\"]" + re.escape(version) + "['\"]")
    candidates = [site / t for t in tops if t.endswith(".py")] + [
        f for t in tops if (site / t).is_dir()
        for f in sorted((site / t).glob("*.py"), key=lambda f: (f.name != "__init__.py", f.name))]
    for f in candidates:
        line = next((l.strip() for l in f.read_text().splitlines() if pattern.match(l)), "")
        if line:
            version_line, version_file = line, str(f.relative_to(site))
            break
    return dict(
        name=m[1], version=version, summary=m[2], home_page=m[3], author=m[4],
        author_email=m[5], license=m[6], requires_python=meta.get("Requires-Python", ""),
        requires=[r for r in meta.get_all("Requires-Dist", []) if not re.search(r"\bextra\s*==", r)],
        wheel=wheel.name, wheel_size=wheel.stat().st_size, top_level=top_level,
        version_line=version_line, version_file=version_file,
        dist_info=sorted(f.name + "/" * f.is_dir() for f in di.iterdir()), console_scripts=scripts,
        bin=[p.removeprefix("../../../bin/") for p in outside], files=files)


def pip_report(pip, work, name):
    """What pip 24.2 reports about a project's versions at SNAPSHOT, as a [[versions]] entry.

    Builds a one-project simple index (PEP 503 HTML, as pip 24.2 reads it) from PyPI's JSON API,
    keeping the files uploaded before SNAPSHOT with their yanked flags and Requires-Python, and
    lets pip 24.2 fail to find an impossible version there."""
    with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=120) as r:
        releases = json.load(r)["releases"]
    links = []
    for files in releases.values():
        for f in files:
            if f["upload_time_iso_8601"] < SNAPSHOT:
                attrs = ""
                if f.get("requires_python"):
                    attrs += f' data-requires-python="{html.escape(f["requires_python"])}"'
                if f.get("yanked"):
                    attrs += f' data-yanked="{html.escape(f.get("yanked_reason") or "")}"'
                links.append(f'<a href="{html.escape(f["url"])}"{attrs}>{html.escape(f["filename"])}</a><br/>')
    page = work / "simple" / canon(name) / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<!DOCTYPE html>\n<html><body>\n" + "\n".join(links) + "\n</body></html>\n")
    # --isolated: no PIP_FIND_LINKS or other settings from the environment add candidates
    out = run(pip, "install", "--isolated", "--disable-pip-version-check", "--no-cache-dir",
              "--no-deps", "--dry-run", "--index-url", (work / "simple").as_uri(),
              f"{name}==0+no.such.version", screen=True)
    yanked = re.search(r"^ERROR: Ignored the following yanked versions: (.*)$", out, re.M)
    python = re.search(r"^ERROR: Ignored the following versions that require a different python "
                       r"version: (.*)$", out, re.M)
    listed = re.search(r"^ERROR: Could not find a version that satisfies the requirement \S+ "
                       r"\(from versions: (.*)\)$", out, re.M)
    assert listed, f"pip 24.2 did not report the versions of {name}:\n{out}"
    return dict(name=name, available=[] if listed[1] == "none" else listed[1].split(", "),
                yanked=yanked[1].split(", ") if yanked else [],
                requires_python=[e.split(" Requires-Python ", 1) for e in python[1].split("; ")]
                if python and python[1] != "none" else [])


def toml(v):
    if isinstance(v, str) and "\n" in v and "'''" not in v:
        return "'''\n" + v + "'''"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {toml(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(toml(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def main():
    py = sys.argv[1] if len(sys.argv) > 1 else "/root/.pyenv/versions/3.12.1/bin/python"
    with tempfile.TemporaryDirectory(prefix="record-index-") as work:
        text = build(py, Path(work))
    (HERE / "index.toml").write_text(text)
    print(f"wrote {HERE / 'index.toml'} ({len(text)} bytes)")


def build(py, work):
    wheels = work / "wheels"
    resolver = work / "resolver"
    run(py, "-m", "venv", resolver)
    run(resolver / "bin/python", "-m", "pip", "install", "-q", f"pip=={RESOLVER_PIP}")
    run(resolver / "bin/pip", "download", "-q", "--no-deps", *PLATFORM, "-d", wheels, f"pip=={PIP}")
    base = make_venv(py, work / "base", wheels)
    for name, version in PACKAGES:
        run(base / "bin/pip", "download", "-q", "--no-deps", *PLATFORM, "-d", wheels, f"{name}=={version}")
    wanted = {(canon(n), v) for n, v in PACKAGES}

    # Closed set: what pip resolves at SNAPSHOT for each package, pinned or not (the newest
    # version with a wheel for CPython 3.12 on x86-64 Linux, neither yanked nor a pre-release),
    # is in PACKAGES.
    for spec in [f"{n}=={v}" for n, v in PACKAGES] + list(dict.fromkeys(n for n, _ in PACKAGES)):
        report = json.loads(run(resolver / "bin/pip", "install", "-q", "--dry-run", "--ignore-installed",
                                *PLATFORM, "--uploaded-prior-to", SNAPSHOT, "--report", "-", spec))
        for item in report["install"]:
            got = (canon(item["metadata"]["name"]), item["metadata"]["version"])
            assert got in wanted, f"{spec} resolves to {got}, not in PACKAGES"

    # Install every package as a requested one with pip 24.2, one venv per clash of names (pip
    # 26.2.1 replaces the pip 24.2 of a venv of its own).
    envs, packages = [], []
    for name, version in PACKAGES:
        env = next((e for e in envs if e[1].get(canon(name), version) == version), None)
        if env is None:
            env = (make_venv(py, work / f"env{len(envs)}", wheels), {"pip": PIP})
            envs.append(env)
        if env[1].get(canon(name)) != version:
            run(*pip24(env[0], wheels), "install", "-q", "--upgrade", "--no-deps", "--no-index",
                "--find-links", wheels, f"{name}=={version}")
            env[1][canon(name)] = version
        packages.append(record(env[0], wheels, name, version))

    # pip writes REQUESTED only for what the user named, not for dependencies pulled in.
    dep = make_venv(py, work / "dep", wheels)
    run(dep / "bin/pip", "install", "-q", "--no-index", "--find-links", wheels, "requests==2.32.3")
    site = next((dep / "lib").glob("python3.*/site-packages"))
    assert (site / "requests-2.32.3.dist-info/REQUESTED").exists()
    assert not (site / "certifi-2026.10.18.dist-info/REQUESTED").exists()

    # Every wheel the golden transcripts download is in the index, under the same name.
    names = {p["wheel"] for p in packages}
    for out in GOLDEN.glob("*.out"):
        for whl in re.findall(r"(?:Downloading|Fetching|Using cached) (\S+\.whl) ", out.read_text()):
            assert whl in names, f"{out.name}: {whl} is not in the index"

    versions = [pip_report(base / "bin/pip", work / "index", name)
                for name in dict.fromkeys(p["name"] for p in packages)]
    for p in packages:  # every recorded package is one pip 24.2 can install
        v = next(v for v in versions if v["name"] == p["name"])
        assert p["version"] in v["available"], f"{p['name']} {p['version']} is not available"

    env0 = envs[0][0] / "bin"
    behaviour = {
        "cowsay_hi": run(env0 / "cowsay", "-t", "hi"),
        "cowsay_help": run(env0 / "cowsay", "--help"),
        "cowsay_version": run(env0 / "cowsay", "--version"),
        "cowsay_no_args": run(env0 / "cowsay", screen=True),
        "f2py_v": run(env0 / "f2py", "-v"),
        "numpy_config_version": run(env0 / "numpy-config", "--version"),
        # what pip writes into bin/ for each console script; {python} is pip's sys.executable
        "console_script": re.sub(r"^#!.*", "#!{python}", (env0 / "cowsay").read_text())
        .replace("cowsay.__main__", "{module}").replace("cli", "{function}"),
    }

    out = [f"# venvlab's bundled package index: real metadata recorded from PyPI as of {SNAPSHOT}",
           "# for CPython 3.12 on x86-64 Linux with pip 24.2. Generated; re-record with",
           "#   python3 src/python/record-index.py   (see its docstring)", "",
           "[index]", f'pip_version = "{PIP}"', f'snapshot = "{SNAPSHOT}"', ""]
    for v in versions:
        out += ["[[versions]]", *(f"{k} = {toml(x)}" for k, x in v.items()), ""]
    for p in packages:
        files = p.pop("files")
        out += ["[[package]]", *(f"{k} = {toml(x)}" for k, x in p.items()), "[package.files]",
                *(f"{json.dumps(k)} = {toml(x)}" for k, x in files.items()), ""]
        p["files"] = files
    out += ["[behaviour]", *(f"{k} = {toml(x)}" for k, x in behaviour.items())]
    text = "\n".join(out) + "\n"
    import tomllib  # Python 3.11+: the file must read back as exactly what was recorded
    assert tomllib.loads(text) == {"index": {"pip_version": PIP, "snapshot": SNAPSHOT},
                                   "versions": versions, "package": packages, "behaviour": behaviour}
    return text


if __name__ == "__main__":
    main()
