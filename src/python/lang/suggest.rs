//! CPython 3.12's "Did you mean" suggestions for `NameError`, `AttributeError` and
//! `ImportError`: a Levenshtein distance where case changes are cheap, the closest name within a
//! third of the characters, and "Did you forget to import" for standard library module names.

/// Public attribute names of the built-in types, as `dir()` lists them in CPython 3.12.
const TYPE_NAMES: [(&str, &str); 7] = [
    ("str", "capitalize casefold center count encode endswith expandtabs find format format_map index isalnum \
isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper \
join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust \
rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill"),
    ("list", "append clear copy count extend index insert pop remove reverse sort"),
    ("dict", "clear copy fromkeys get items keys pop popitem setdefault update values"),
    ("set", "add clear copy difference difference_update discard intersection intersection_update isdisjoint \
issubset issuperset pop remove symmetric_difference symmetric_difference_update union update"),
    ("tuple", "count index"),
    ("int", "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag is_integer numerator \
real to_bytes"),
    ("float", "as_integer_ratio conjugate fromhex hex imag is_integer real"),
];

/// The names in CPython 3.12's `builtins` module, in its order.
pub const BUILTIN_NAMES: &str = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin \
breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex \
id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr round \
setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes \
classmethod complex dict enumerate filter float frozenset property int list map object range \
reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup \
Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError \
BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError \
RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning \
FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning \
FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning \
UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError \
FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError \
ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError \
NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError \
ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError \
UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit \
copyright credits license help";

/// `sys.stdlib_module_names` of CPython 3.12 (without private modules).
const STDLIB: &str = "abc aifc antigravity argparse array ast asyncio atexit audioop base64 bdb binascii bisect builtins \
bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall \
concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses \
datetime dbm decimal difflib dis doctest email encodings ensurepip enum errno faulthandler fcntl \
filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob \
graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr importlib inspect io ipaddress \
itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes \
mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers \
opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform \
plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data \
pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select \
selectors shelve shlex shutil signal site smtplib sndhdr socket socketserver spwd sqlite3 \
sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau \
symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading \
time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types \
typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound \
wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATES: usize = 750;

/// The public attribute names of built-in type `type_name`.
pub fn type_names(type_name: &str) -> &'static str {
    TYPE_NAMES
        .iter()
        .find(|(t, _)| *t == type_name)
        .map_or("", |(_, names)| names)
}

/// Whether `name` is a standard library module.
pub fn is_stdlib(name: &str) -> bool {
    STDLIB.split(' ').any(|m| m == name)
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance`, giving up above `max_cost`.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, code) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, ch) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(*code, *ch);
            dist = row[ai];
            let insert_delete = result.min(dist) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if one is close enough.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d <= max && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_like_cpython() {
        assert_eq!(
            closest("pritn", BUILTIN_NAMES.split(' ')),
            Some("print".into())
        );
        assert_eq!(
            closest("Print", BUILTIN_NAMES.split(' ')),
            Some("print".into())
        );
        assert_eq!(
            closest("ValueErorr", BUILTIN_NAMES.split(' ')),
            Some("ValueError".into())
        );
        assert_eq!(
            closest("apend", type_names("list").split(' ')),
            Some("append".into())
        );
        assert_eq!(closest("valeu", ["vlaue"]), None);
        assert_eq!(closest("undefined_name", BUILTIN_NAMES.split(' ')), None);
        assert!(is_stdlib("json") && !is_stdlib("numpy"));
    }
}
