#!/usr/bin/env python3
"""Records index.toml, venvlab's bundled package index, from the real PyPI.

    python3 src/python/record-index.py [PYTHON3.12]    (default /root/.pyenv/versions/3.12.1/bin/python)

Needs network access to PyPI and a CPython 3.12 on x86-64 Linux; works in a temporary directory
and writes only index.toml next to this script. The index is PyPI as it stood at SNAPSHOT (the
day tests/golden/04-install-with-dependencies.out was recorded: it shows certifi 2026.10.18,
superseded on 2026-10-22), so version lists and dependency choices come from pip 26's
`--uploaded-prior-to`; everything else (wheels, installed layout, `pip show`) from pip 24.2,
installed the way CPython 3.12.7's ensurepip installs its bundled pip-24.2 wheel.
"""
import email, json, os, re, subprocess, sys, tempfile, zipfile
from pathlib import Path

SNAPSHOT = "2026-10-22T00:00:00Z"
PIP, RESOLVER_PIP = "24.2", "26.3"
PACKAGES = [  # (name, version); the set must be closed under dependencies (checked below)
    ("pip", "24.2"), ("numpy", "2.1.2"), ("numpy", "1.26.4"), ("numpy", "2.2.6"),
    ("requests", "2.32.3"), ("requests", "2.31.0"), ("certifi", "2026.10.18"),
    ("charset-normalizer", "3.5.2"), ("idna", "3.20"), ("urllib3", "2.8.0"), ("cowsay", "6.1"),
    ("six", "1.17.0"), ("six", "1.16.0"), ("python-dateutil", "2.9.0.post0"),
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


def make_venv(py, path, wheels):
    """A venv whose pip 24.2 is installed as ensurepip installs it (from the wheel, no index)."""
    run(py, "-m", "venv", "--without-pip", path)
    run(path / "bin/python", wheels / f"pip-{PIP}-py3-none-any.whl/pip", "install", "-q",
        "--no-cache-dir", "--no-index", "--find-links", wheels, f"pip=={PIP}")
    return path


def record(env, wheels, name, version):
    """One [[package]] entry, read from the wheel and from its installed copy in env."""
    wheel = next(w for w in wheels.glob("*.whl")
                 if canon(w.name.split("-")[0]) == canon(name) and w.name.split("-")[1] == version)
    site = next((env / "lib").glob("python3.*/site-packages"))
    di = next(site.glob(f"{wheel.name.split('-')[0]}-{version}.dist-info"))
    meta = email.message_from_bytes(zipfile.ZipFile(wheel).read(f"{di.name}/METADATA"))
    show = run(env / "bin/pip", "show", name)
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

    # Closed set: what pip resolves at SNAPSHOT for each package is in PACKAGES.
    for name, version in PACKAGES:
        report = json.loads(run(resolver / "bin/pip", "install", "-q", "--dry-run", "--ignore-installed",
                                "--uploaded-prior-to", SNAPSHOT, "--report", "-", f"{name}=={version}"))
        for item in report["install"]:
            got = (canon(item["metadata"]["name"]), item["metadata"]["version"])
            assert got in wanted, f"{name}=={version} resolves to {got}, not in PACKAGES"

    # Install every package as a requested one, one venv per clash of names.
    envs, packages = [], []
    for name, version in PACKAGES:
        env = next((e for e in envs if canon(name) not in e[1]), None)
        if env is None:
            env = (make_venv(py, work / f"env{len(envs)}", wheels), {"pip": PIP})
            envs.append(env)
        if canon(name) not in env[1]:
            run(env[0] / "bin/pip", "install", "-q", "--no-deps", "--no-index", "--find-links",
                wheels, f"{name}=={version}")
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
        for whl in re.findall(r"Downloading (\S+\.whl) ", out.read_text()):
            assert whl in names, f"{out.name}: {whl} is not in the index"

    versions = []
    for name in dict.fromkeys(p["name"] for p in packages):
        line = run(resolver / "bin/pip", "index", "versions", "--uploaded-prior-to", SNAPSHOT, name)
        available = re.search(r"Available versions: (.*)", line)[1].split(", ")[:15]
        versions.append(dict(name=name, available=available))

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
