//! Programs and what CPython 3.12.1 printed for them (stdout and stderr together) and its
//! exit status, recorded by `gen/gen.py` from `gen/corpus.py`. `-c` programs have the file name `<string>`;
//! scripts are `/tmp/t/s.py`, with the modules of `FILES` beside them.

/// Module files beside the scripts (paths relative to `/tmp/t`).
pub const FILES: &[(&str, &str)] = &[
    (
        r###"mymod.py"###,
        r###"X = 1
name = __name__
def g():
    return 1/0
def twice(x):
    return x * 2
"###,
    ),
    (
        r###"pkg/__init__.py"###,
        r###"__version__ = '2.1.2'
from pkg import sub
"###,
    ),
    (
        r###"pkg/sub.py"###,
        r###"VALUE = 'sub value'
"###,
    ),
    (
        r###"pkg/other.py"###,
        r###"import pkg
WHO = pkg.__version__
"###,
    ),
    (
        r###"bad.py"###,
        r###"x = (
"###,
    ),
    (
        r###"boom.py"###,
        r###"X = 1
undefined_at_import
"###,
    ),
    (
        r###"plain.py"###,
        r###"A = 5
"###,
    ),
    (
        r###"cyc_a.py"###,
        r###"import cyc_b
A = 'a'
"###,
    ),
    (
        r###"cyc_b.py"###,
        r###"import cyc_a
B = 'b'
"###,
    ),
];

/// (file name, source, expected output, exit status).
pub const CASES: &[(&str, &str, &str, i32)] = &[
    (
        r###"<string>"###,
        r###"print('hello')"###,
        r###"hello
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(undefined_name)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'undefined_name' is not defined
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"import nonexistent_module"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ModuleNotFoundError: No module named 'nonexistent_module'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(repr('it\'s'), repr('a"b'), repr('a\'b"c'), repr('tab\t\n\x00\\'), repr('é€'))"###,
        r###""it's" 'a"b' 'a\'b"c' 'tab\t\n\x00\\' 'é€'
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(0.1, 1e16, 1e15, 1/3, 2.5e-5, 0.0001, -0.0, float('inf'), -float('inf'), float('nan'), 1e300*1e10, 123456789.123456789, 1.0, 100.0, 3e-10)"###,
        r###"0.1 1e+16 1000000000000000.0 0.3333333333333333 2.5e-05 0.0001 -0.0 inf -inf nan inf 123456789.12345679 1.0 100.0 3e-10
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(0.1 + 0.2, 2/3, 10/2, 7/2, 1e22, 12345678901234567.0)"###,
        r###"0.30000000000000004 0.6666666666666666 5.0 3.5 1e+22 1.2345678901234568e+16
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, -2 ** 2, (-2) ** 2, 7.5 // 2, -7.5 % 2)"###,
        r###"3 -4 -4 1 2 -2 1024 0.5 -4 4 3.0 0.5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(1 & 3, 1 | 2, 1 ^ 3, 1 << 4, 256 >> 2, ~5, -(-3), +4)"###,
        r###"1 3 2 16 64 -6 3 4
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = 5
x += 2
x *= 3
x -= 1
x //= 4
x **= 2
x %= 7
print(x)"###,
        r###"4
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"s = 'Hello, World'
print(s.upper(), s.lower(), s.split(', '), s.replace('l', 'L'), s.find('o'), s.rfind('o'), s.count('l'), s.startswith('He'), s.endswith(('x', 'ld')))"###,
        r###"HELLO, WORLD hello, world ['Hello', 'World'] HeLLo, WorLd 4 8 3 True True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"s = 'abcdef'
print(s[0], s[-1], s[1:3], s[::2], s[::-1], s[-3:], s[:-2], s[10:], s[4:1], s[1:5:2])"###,
        r###"a f bc ace fedcba def abcd   bd
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"w = 8
v = 'ab'
print(f'{v:{w}}|', f'{{literal}}', f'{1+2}', f"{'nested'}", f'{[1, 2]}', f'{None}', f'{3.0}', f'{1e20:.3e}', f'{123.456:g}', f'{0.00001234:g}', f'{1.5:.3}', f'{-5:+d}', f'{5:+d}')"###,
        r###"ab      | {literal} 3 nested [1, 2] None 3.0 1.000e+20 123.456 1.234e-05 1.5 -5 +5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print('{} and {}'.format(1, 'two'), '{1}{0}'.format('a', 'b'), '{name}!'.format(name='kai'), '{:>4}|{:.1f}'.format(7, 2.25), '{0[1]}'.format([5, 6]), '{!r}'.format('q'))"###,
        r###"1 and two ba kai!    7|2.2 6 'q'
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"a = [3, 1, 2]
a.append(5)
a.extend([0, 9])
a.insert(1, 7)
print(a, a.pop(), a.pop(0), a.index(2), a.count(1))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
a.remove(2)
print(a, len(a))"###,
        r###"[7, 1, 2, 5, 0] 9 3 2 1
[0, 1, 2, 5, 7]
[7, 5, 2, 1, 0]
[0, 1, 2, 5, 7]
[0, 1, 5, 7] 4
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"words = ['banana', 'Apple', 'cherry', 'fig']
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower) if False else sorted(words, key=lambda w: w.lower()), sorted(words, key=len, reverse=True))"###,
        r###"['Apple', 'banana', 'cherry', 'fig'] ['fig', 'Apple', 'banana', 'cherry'] ['Apple', 'banana', 'cherry', 'fig'] ['banana', 'cherry', 'Apple', 'fig']
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"a = list(range(10))
print(a[2:5], a[::3], a[::-2], a[-3:], a[:100])
a[1:3] = ['x', 'y', 'z']
print(a)
del a[0]
del a[-2:]
print(a)
a[::2] = [0] * len(a[::2])
print(a)"###,
        r###"[2, 3, 4] [0, 3, 6, 9] [9, 7, 5, 3, 1] [7, 8, 9] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
[0, 'x', 'y', 'z', 3, 4, 5, 6, 7, 8, 9]
['x', 'y', 'z', 3, 4, 5, 6, 7]
[0, 'y', 0, 3, 0, 5, 0, 7]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"d = {'b': 1, 'a': 2}
d['c'] = 3
print(d, d.get('a'), d.get('z'), d.get('z', 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({'a': 20}, e=5)
print(d.pop('b'), d.setdefault('f', 6), d.setdefault('a', 0), d)
for k, v in d.items():
    print(k, v)"###,
        r###"{'b': 1, 'a': 2, 'c': 3} 2 None 0 ['b', 'a', 'c'] [1, 2, 3] [('b', 1), ('a', 2), ('c', 3)]
dict_keys(['b', 'a', 'c']) dict_values([1, 2, 3]) dict_items([('b', 1), ('a', 2), ('c', 3)])
1 6 20 {'a': 20, 'c': 3, 'e': 5, 'f': 6}
a 20
c 3
e 5
f 6
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"d = {x: x * x for x in range(5) if x % 2 == 0}
print(d, len(d), 4 in d, 3 in d, dict(a=1, b=2), dict([('x', 1)]), {**d, 'z': 0})
del d[0]
print(d, d.popitem(), d)"###,
        r###"{0: 0, 2: 4, 4: 16} 3 True False {'a': 1, 'b': 2} {'x': 1} {0: 0, 2: 4, 4: 16, 'z': 0}
{2: 4} (4, 16) {2: 4}
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"for i in range(3):
    if i == 1:
        continue
    print(i)
else:
    print('done')
for i in range(5):
    if i == 2:
        break
else:
    print('not printed')
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)"###,
        r###"0
2
done
while else 3
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = 5
if x > 10:
    print('big')
elif x > 3:
    print('medium')
else:
    print('small')
print('yes' if x else 'no', x and 0, x or 0, not x, [] or 'empty', 0 and 1)"###,
        r###"medium
yes 0 5 False empty 0
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(*[1, 2], **{'c': 0}))
print(f.__name__)"###,
        r###"(1, 2, (), 3, {})
(1, 5, (6, 7), 8, {'d': 9})
(1, 2, (), 0, {})
f
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)])"###,
        r###"3628800 2432902008176640000
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"square = lambda x: x * x
print(square(4), list(map(square, [1, 2, 3])), list(filter(lambda v: v > 1, [0, 1, 2, 3])), (lambda: 'no args')())"###,
        r###"16 [1, 4, 9] [2, 3] no args
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f():
    return 1, 2
a, b = f()
(c, d), e = [3, 4], 5
print(a, b, c, d, e)
x = y = 7
print(x, y)
first, second = 'ab'
print(first, second)"###,
        r###"1 2 3 4 5
7 7
a b
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(len('abc'), len([1]), len({}), str(12), repr('x'), int('42'), int(' -7 '), int(3.9), int('ff', 16), int('0x1f', 0), float('1.5'), float(2), bool(''), bool('x'), list('ab'), tuple([1]), abs(-3), abs(-2.5))"###,
        r###"3 1 0 12 'x' 42 -7 3 255 31 1.5 2.0 False True ['a', 'b'] (1,) 3 2.5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(range(5), range(1, 10, 2), list(range(5, 0, -2)), len(range(0, 10, 3)), range(10)[2], 3 in range(5))"###,
        r###"range(0, 5) range(1, 10, 2) [5, 3, 1] 4 2 True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(list(enumerate('ab')), list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), min(3, 1, 2), max([1, 5, 2]), min('b', 'a'), max(['aa', 'b'], key=len), sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []))"###,
        r###"[(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')] [(1, 'a'), (2, 'b')] 1 5 a aa 6 3.5 [1, 2]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-0.5), round(7.123456, 3), divmod(7, 2), divmod(-7, 2), pow(2, 8), chr(65), ord('a'), hex(255), hex(-1), oct(8), bin(5))"###,
        r###"2 4 2.67 1200 0 7.123 (3, 1) (-4, 1) 256 A 97 0xff -0x1 0o10 0b101
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(isinstance(1, int), isinstance(True, int), isinstance('x', (int, str)), isinstance(1.0, int), type(1), type('x'), type([]), type(None), type(print), type(len) == type(print), type(1) is int)"###,
        r###"True True True False <class 'int'> <class 'str'> <class 'list'> <class 'NoneType'> <class 'builtin_function_or_method'> True True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(any([0, '', 1]), all([1, 'x']), all([]), any([]), list(reversed([1, 2, 3])), sorted({'b': 1, 'a': 2}), sorted('cab', reverse=True))"###,
        r###"True True True False [3, 2, 1] ['a', 'b'] ['c', 'b', 'a']
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"import sys
print('to err', file=sys.stderr)
print('a', 'b', sep='-', end='!\n')
print()
print('x', end='')
print('y')
sys.stdout.write('written\n')"###,
        r###"to err
a-b!

xy
written
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"import sys
sys.exit(3)"###,
        r###""###,
        3,
    ),
    (
        r###"<string>"###,
        r###"import sys
sys.exit('fatal problem')"###,
        r###"fatal problem
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise SystemExit(4)"###,
        r###""###,
        4,
    ),
    (r###"<string>"###, r###"exit()"###, r###""###, 0),
    (
        r###"<string>"###,
        r###"print('before')
quit(2)"###,
        r###"before
"###,
        2,
    ),
    (
        r###"<string>"###,
        r###"print(1 +)"###,
        r###"  File "<string>", line 1
    print(1 +)
             ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print((1)"###,
        r###"  File "<string>", line 1
    print((1)
         ^
SyntaxError: '(' was never closed
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = "abc"###,
        r###"  File "<string>", line 1
    x = "abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"if True:
pass"###,
        r###"  File "<string>", line 2
    pass
    ^
IndentationError: expected an indented block after 'if' statement on line 1
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###" x = 1"###,
        r###"  File "<string>", line 1
    x = 1
IndentationError: unexpected indent
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(1 2)"###,
        r###"  File "<string>", line 1
    print(1 2)
          ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = [1, 2"###,
        r###"  File "<string>", line 1
    x = [1, 2
        ^
SyntaxError: '[' was never closed
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 1 +"###,
        r###"  File "<string>", line 1
    x = 1 +
           ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = )"###,
        r###"  File "<string>", line 1
    x = )
        ^
SyntaxError: unmatched ')'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = (1]"###,
        r###"  File "<string>", line 1
    x = (1]
          ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"for x in y
  pass"###,
        r###"  File "<string>", line 1
    for x in y
              ^
SyntaxError: expected ':'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"while True
  pass"###,
        r###"  File "<string>", line 1
    while True
              ^
SyntaxError: expected ':'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f()
  pass"###,
        r###"  File "<string>", line 1
    def f()
           ^
SyntaxError: expected ':'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"else: pass"###,
        r###"  File "<string>", line 1
    else: pass
    ^^^^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 5 = 6"###,
        r###"  File "<string>", line 1
    x = 5 = 6
        ^
SyntaxError: cannot assign to literal
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"f() = 1"###,
        r###"  File "<string>", line 1
    f() = 1
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"5 = x"###,
        r###"  File "<string>", line 1
    5 = x
    ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x + 1 = 2"###,
        r###"  File "<string>", line 1
    x + 1 = 2
    ^^^^^
SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"if True:
    x = 1
  y = 2"###,
        r###"  File "<string>", line 3
    y = 2
         ^
IndentationError: unindent does not match any outer indentation level
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = """abc"###,
        r###"  File "<string>", line 1
    x = """abc
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 1)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print "hello""###,
        r###"  File "<string>", line 1
    print "hello"
    ^^^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 1 if 2"###,
        r###"  File "<string>", line 1
    x = 1 if 2
        ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"return 5"###,
        r###"  File "<string>", line 1
SyntaxError: 'return' outside function
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"break"###,
        r###"  File "<string>", line 1
SyntaxError: 'break' outside loop
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 0777"###,
        r###"  File "<string>", line 1
    x = 0777
        ^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f():
return 1"###,
        r###"  File "<string>", line 2
    return 1
    ^
IndentationError: expected an indented block after function definition on line 1
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = $"###,
        r###"  File "<string>", line 1
    x = $
        ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 3 +* 4"###,
        r###"  File "<string>", line 1
    x = 3 +* 4
           ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"if True:"###,
        r###"  File "<string>", line 1
    if True:
            ^
IndentationError: expected an indented block after 'if' statement on line 1
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = ([1, 2"###,
        r###"  File "<string>", line 1
    x = ([1, 2
         ^
SyntaxError: '[' was never closed
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(1, 2 3)"###,
        r###"  File "<string>", line 1
    print(1, 2 3)
             ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[1 2]"###,
        r###"  File "<string>", line 1
    [1 2]
     ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = €"###,
        r###"  File "<string>", line 1
    x = €
        ^
SyntaxError: invalid character '€' (U+20AC)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 1abc"###,
        r###"  File "<string>", line 1
    x = 1abc
        ^
SyntaxError: invalid decimal literal
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
  pass
x = 1"###,
        r###"  File "<string>", line 3
    x = 1
    ^
SyntaxError: expected 'except' or 'finally' block
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = [i for i in]"###,
        r###"  File "<string>", line 1
    x = [i for i in]
                   ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(1,,2)"###,
        r###"  File "<string>", line 1
    print(1,,2)
            ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"for 1 in x: pass"###,
        r###"  File "<string>", line 1
    for 1 in x: pass
        ^
SyntaxError: cannot assign to literal
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"del 1"###,
        r###"  File "<string>", line 1
    del 1
        ^
SyntaxError: cannot delete literal
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(f"{1+}")"###,
        r###"  File "<string>", line 1
    print(f"{1+}")
              ^
SyntaxError: f-string: expecting '=', or '!', or ':', or '}'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(1)
print(2))"###,
        r###"  File "<string>", line 2
    print(2))
            ^
SyntaxError: unmatched ')'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"d = {'a': 1}
print(d['b'])"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
KeyError: 'b'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[].pop()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
IndexError: pop from empty list
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = [1][5]"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'abc'[10]"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
IndexError: string index out of range
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"(1, 2)[5]"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
IndexError: tuple index out of range
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"int('abc')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: invalid literal for int() with base 10: 'abc'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"float('x1')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: could not convert string to float: 'x1'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1 + 'a'"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'a' + 1"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: can only concatenate str (not "int") to str
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[1] + (2,)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: can only concatenate list (not "tuple") to list
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'a' * 'b'"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: can't multiply sequence by non-int of type 'str'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1 < 'a'"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: '<' not supported between instances of 'int' and 'str'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"-'a'"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: bad operand type for unary -: 'str'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"len(5)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: object of type 'int' has no len()
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 1
x()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
TypeError: 'int' object is not callable
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = None
x[0]"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
TypeError: 'NoneType' object is not subscriptable
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"for x in 5: pass"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: 'int' object is not iterable
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"a, b = 1, 2, 3"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: too many values to unpack (expected 2)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"a, b, c = [1, 2]"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: not enough values to unpack (expected 3, got 2)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"import sys
sys.nothing"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
AttributeError: module 'sys' has no attribute 'nothing'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'abc'.nope()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'str' object has no attribute 'nope'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[].nope"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'list' object has no attribute 'nope'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 5
x.attr = 1"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
AttributeError: 'int' object has no attribute 'attr'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a):
    pass
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() missing 1 required positional argument: 'a'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a, b):
    pass
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() missing 2 required positional arguments: 'a' and 'b'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a):
    pass
f(1, 2)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() takes 1 positional argument but 2 were given
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a, b=1):
    pass
f(1, 2, 3)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() takes from 1 to 2 positional arguments but 3 were given
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a):
    pass
f(b=1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() got an unexpected keyword argument 'b'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(a):
    pass
f(1, a=2)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() got multiple values for argument 'a'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(*, c):
    pass
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
TypeError: f() missing 1 required keyword-only argument: 'c'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f():
    x = x + 1
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
  File "<string>", line 2, in f
UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"{[1]: 2}"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: unhashable type: 'list'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1 / 0"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1 // 0"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: integer division or modulo by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1 % 0"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: integer modulo by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1.0 / 0"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: float division by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"1.5 // 0.0"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: float floor division by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"0 ** -1"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: 0.0 cannot be raised to a negative power
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"range(1, 2, 0)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: range() arg 3 must not be zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[1, 2].index(5)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: 5 is not in list
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[1, 2].remove(5)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: list.remove(x): x not in list
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'abc'.index('z')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: substring not found
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"{}.pop('k')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
KeyError: 'k'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"sorted([1, 'a'])"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: '<' not supported between instances of 'str' and 'int'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"min([])"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: min() iterable argument is empty
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"sum(['a', 'b'])"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"','.join([1, 2])"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: sequence item 0: expected str instance, int found
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(int(None))"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"chr(-1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: chr() arg not in range(0x110000)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = y = 1
del x
print(x)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
NameError: name 'x' is not defined
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"assert 1 == 2"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AssertionError
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"assert 1 == 2, 'numbers differ'"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AssertionError: numbers differ
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise ValueError('bad value')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError: bad value
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise ValueError"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
ValueError
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise KeyError('k')"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
KeyError: 'k'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise 5"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
TypeError: exceptions must derive from BaseException
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"raise"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
RuntimeError: No active exception to reraise
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', e, repr(e), e.args, type(e))
else:
    print('no')
finally:
    print('finally')"###,
        r###"caught division by zero ZeroDivisionError('division by zero') ('division by zero',) <class 'ZeroDivisionError'>
finally
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"try:
    {}['x']
except (KeyError, IndexError) as e:
    print('caught', repr(e))
try:
    int('q')
except Exception as e:
    print(type(e).__name__, e)
try:
    pass
except:
    pass
else:
    print('else runs')"###,
        r###"caught KeyError('x')
ValueError invalid literal for int() with base 10: 'q'
else runs
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f():
    try:
        return 'try'
    finally:
        print('cleanup')
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('fin', i)"###,
        r###"cleanup
try
body 0
fin 0
fin 1
body 2
fin 2
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"try:
    1 / 0
except ZeroDivisionError:
    undefined"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
ZeroDivisionError: division by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "<string>", line 4, in <module>
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    1 / 0
except ZeroDivisionError as e:
    raise ValueError('x') from e"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
ZeroDivisionError: division by zero

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "<string>", line 4, in <module>
ValueError: x
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    1 / 0
except ZeroDivisionError:
    raise"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    raise KeyError('inner')
except KeyError as e:
    raise RuntimeError('outer') from None"###,
        r###"Traceback (most recent call last):
  File "<string>", line 4, in <module>
RuntimeError: outer
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    import nosuchmod
except ImportError as e:
    print('ImportError caught:', e)
try:
    import nosuchmod2
except ModuleNotFoundError as e:
    print(type(e).__name__, e.args)"###,
        r###"ImportError caught: No module named 'nosuchmod'
ModuleNotFoundError ("No module named 'nosuchmod2'",)
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"try:
    exit(5)
except SystemExit as e:
    print('exit code', e.code)
try:
    raise SystemExit
except Exception:
    print('no')
except BaseException:
    print('base')"###,
        r###"exit code 5
base
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f():
    return g()
def g():
    return {}['missing']
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 5, in <module>
  File "<string>", line 2, in f
  File "<string>", line 4, in g
KeyError: 'missing'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = 10
def show():
    print(x)
show()
print(__name__)
if __name__ == '__main__':
    print('main!')"###,
        r###"10
__main__
main!
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(type(3.0).__name__, str(1.5), str([1, 'a']), str(None), repr(None), repr([None]), repr({'a': (1,)}), str((1,)), str(()), repr(''), str(1e100))"###,
        r###"float 1.5 [1, 'a'] None None [None] {'a': (1,)} (1,) () '' 1e+100
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3], a is [1, 2, 3])
t = (a, 1)
print(t)
a.clear()
print(t)"###,
        r###"[1, 2, 3] True True False
([1, 2, 3], 1)
([], 1)
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = [[0] * 3 for _ in range(2)]
x[0][1] = 5
print(x)
m = {'k': [1]}
m['k'].append(2)
m['n'] = m.get('n', 0) + 1
print(m)"###,
        r###"[[0, 5, 0], [0, 0, 0]]
{'k': [1, 2], 'n': 1}
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"s = 'abc'
t = ''
for ch in s:
    t = ch + t
print(t, s * 3, 3 * [0], [1, 2] * 2, 'x' * 0, 'x' * -1)"###,
        r###"cba abcabcabc [0, 0, 0] [1, 2, 1, 2]  
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"i = 0
while True:
    i += 1
    if i >= 5:
        break
print(i)
print([i for i in range(3)], i)"###,
        r###"5
[0, 1, 2] 5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f(x):
    if x:
        return 'truthy'
print(f(0), f(1))
def g(): pass
print(g())"###,
        r###"None truthy
None
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"name = input('Your name? ')"###,
        r###"Your name? Traceback (most recent call last):
  File "<string>", line 1, in <module>
EOFError: EOF when reading a line
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), max([3, 1, 2], key=lambda v: -v), sorted([3, 1, 2], key=lambda v: v % 2))"###,
        r###"[(1, 'z'), (2, 'a'), (2, 'b')] 1 [2, 3, 1]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"nums = [1, 2, 3, 4]
evens = [n for n in nums if n % 2 == 0]
print(evens, {n: n ** 2 for n in nums}, sum(nums) / len(nums))"###,
        r###"[2, 4] {1: 1, 2: 4, 3: 9, 4: 16} 2.5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"text = 'the quick brown the lazy the'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(max(counts, key=counts.get))"###,
        r###"{'the': 3, 'quick': 1, 'brown': 1, 'lazy': 1}
the
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = 1_000_000
y = 0x_ff
z = 1e3
print(x, y, z, 0b101, 0o17, 1_0.5)"###,
        r###"1000000 255 1000.0 5 15 10.5
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print('a' 'b' "c", r'raw\n', 'multi\
line', '''tri
ple''', """x""")"###,
        r###"abc raw\n multiline tri
ple x
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print('\u00e9', '\x41', '\101', len('\n'))"###,
        r###"é A A 1
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(3 == 3.0, hash(1) == hash(1.0), {1: 'a', 1.0: 'b', True: 'c'})"###,
        r###"True True {1: 'c'}
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 2 ** 0.5, 4 ** 0.5, 10 ** 15, 10 ** -2, 1e-7, 123e4)"###,
        r###"2.5 2 -3 -2 1.4142135623730951 2.0 1000000000000000 0.01 1e-07 1230000.0
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(float('1e500'), float('-0'), 5e-324, 1.7976931348623157e308, 0.1 * 3, 1/7)"###,
        r###"inf -0.0 5e-324 1.7976931348623157e+308 0.30000000000000004 0.14285714285714285
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(f'{12345.6789:,.2f}', f'{0.5:.0f}', f'{1.5:.0f}', f'{2.5:.0f}', f'{1e-10:f}', f'{1234.5:e}', f'{3:.2f}', f'{True}', f'{True:d}', f'{"s":3}|')"###,
        r###"12,345.68 0 2 2 0.000000 1.234500e+03 3.00 True 1 s  |
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"undefined
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    undefined
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"a = 1
b = 0
def f(x):
    return x / b
print(a + f(2))
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 5, in <module>
    print(a + f(2))
              ^^^^
  File "/tmp/t/s.py", line 4, in f
    return x / b
           ~~^~~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"d = {'a': 1}
x = d['b']
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    x = d['b']
        ~^^^^^
KeyError: 'b'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [1,2]
y = 5 + x[7]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    y = 5 + x[7]
            ~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import os
print(undefined)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    print(undefined)
          ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = undefined
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = undefined
        ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 +  undefined * 3
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 +  undefined * 3
             ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = foo.bar(1)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = foo.bar(1)
        ^^^
NameError: name 'foo' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import sys
x = sys.nothing
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    x = sys.nothing
        ^^^^^^^^^^^
AttributeError: module 'sys' has no attribute 'nothing'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import sys
sys.nothing(3)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    sys.nothing(3)
    ^^^^^^^^^^^
AttributeError: module 'sys' has no attribute 'nothing'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"1/0
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    1/0
    ~^~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = (1 +
  undefined)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    undefined)
    ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = (undefined +
  1)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = (undefined +
         ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = (1 +
 "a")
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = (1 +
         ^^^
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = (1
 + "a")
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = (1
         ^
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = len(
 5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = len(
        ^^^^
TypeError: object of type 'int' has no len()
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"len(
 5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    len(
TypeError: object of type 'int' has no len()
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 + 2 + "a"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 + 2 + "a"
        ~~~~~~^~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = "a" * "b"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = "a" * "b"
        ~~~~^~~~~
TypeError: can't multiply sequence by non-int of type 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 2 ** -1 + [][0]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 2 ** -1 + [][0]
                  ~~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = {"a":1}["a"]["b"]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = {"a":1}["a"]["b"]
        ~~~~~~~~~~~~^^^^^
TypeError: 'int' object is not subscriptable
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 // 0
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 // 0
        ~~^^~~
ZeroDivisionError: integer division or modulo by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1.0 / 0
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1.0 / 0
        ~~~~^~~
ZeroDivisionError: float division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 < "a"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 < "a"
        ^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = -"a"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = -"a"
        ^^^^
TypeError: bad operand type for unary -: 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = not_defined.attr
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = not_defined.attr
        ^^^^^^^^^^^
NameError: name 'not_defined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"if undefined:
    pass
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    if undefined:
       ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"while undefined:
    pass
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    while undefined:
          ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 if undefined else 2
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 if undefined else 2
             ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [y for y in undefined]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = [y for y in undefined]
                    ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [undefined for y in [1]]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = [undefined for y in [1]]
         ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = f"{undefined}"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = f"{undefined}"
           ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print("a",
   undefined)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    undefined)
    ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1
x += "a"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    x += "a"
TypeError: unsupported operand type(s) for +=: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"d = {}
del d["x"]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    del d["x"]
        ~^^^^^
KeyError: 'x'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [].pop()
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = [].pop()
        ^^^^^^^^
IndexError: pop from empty list
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [1].index(5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = [1].index(5)
        ^^^^^^^^^^^^
ValueError: 5 is not in list
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"try:
    1/0
except ZeroDivisionError:
    undefined
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    1/0
    ~^~
ZeroDivisionError: division by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/tmp/t/s.py", line 4, in <module>
    undefined
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f(a):
    pass
f()
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    f()
TypeError: f() missing 1 required positional argument: 'a'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"a, b = 1, 2, 3
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    a, b = 1, 2, 3
    ^^^^
ValueError: too many values to unpack (expected 2)
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"for x in 5:
    pass
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    for x in 5:
TypeError: 'int' object is not iterable
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 + "a"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = 1 + "a"
        ~~^~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"raise ValueError("bad")
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    raise ValueError("bad")
ValueError: bad
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f():
    raise ValueError("bad")
f()
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    f()
  File "/tmp/t/s.py", line 2, in f
    raise ValueError("bad")
ValueError: bad
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = len(5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    x = len(5)
        ^^^^^^
TypeError: object of type 'int' has no len()
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"assert 1 == 2, "msg"
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    assert 1 == 2, "msg"
AssertionError: msg
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"   
# comment

def  f( x ) :
        return x  *  undefined   # trailing
print( f( 2 ) )
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 6, in <module>
    print( f( 2 ) )
           ^^^^^^
  File "/tmp/t/s.py", line 5, in f
    return x  *  undefined   # trailing
                 ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def outer():
    def inner():
        return [][1]
    return inner()
outer()
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 5, in <module>
    outer()
  File "/tmp/t/s.py", line 4, in outer
    return inner()
           ^^^^^^^
  File "/tmp/t/s.py", line 3, in inner
    return [][1]
           ~~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [1, 2, 3]
print(x[1:2], x[
  5])
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    print(x[1:2], x[
                  ^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"result = {'a': {'b': 1}}
value = result['a']['c']
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    value = result['a']['c']
            ~~~~~~~~~~~^^^^^
KeyError: 'c'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"items = [1, 2]
total = items[0] + items[1] + items[2]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    total = items[0] + items[1] + items[2]
                                  ~~~~~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print("x" + 1 + "y")
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    print("x" + 1 + "y")
          ~~~~^~~
TypeError: can only concatenate str (not "int") to str
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = (1, 2)
x[0] = 5
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    x[0] = 5
    ~^^^
TypeError: 'tuple' object does not support item assignment
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import mymod
print(mymod.X, mymod.name, mymod.twice(21), mymod.__name__)
print(mymod.__file__)
mymod.g()
"###,
        r###"1 mymod 42 mymod
/tmp/t/mymod.py
Traceback (most recent call last):
  File "/tmp/t/s.py", line 4, in <module>
    mymod.g()
  File "/tmp/t/mymod.py", line 4, in g
    return 1/0
           ~^~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"from mymod import g, twice as t
print(t('ab'))
print(g())
"###,
        r###"abab
Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    print(g())
          ^^^
  File "/tmp/t/mymod.py", line 4, in g
    return 1/0
           ~^~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import pkg
print(pkg.__version__, pkg.sub.VALUE, pkg.__file__)
import pkg.other
print(pkg.other.WHO)
from pkg.sub import VALUE
print(VALUE)
"###,
        r###"2.1.2 sub value /tmp/t/pkg/__init__.py
2.1.2
sub value
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import pkg.nothere
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    import pkg.nothere
ModuleNotFoundError: No module named 'pkg.nothere'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"from pkg import nothere
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    from pkg import nothere
ImportError: cannot import name 'nothere' from 'pkg' (/tmp/t/pkg/__init__.py)
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"from mymod import nothere
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    from mymod import nothere
ImportError: cannot import name 'nothere' from 'mymod' (/tmp/t/mymod.py)
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import plain.sub
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    import plain.sub
ModuleNotFoundError: No module named 'plain.sub'; 'plain' is not a package
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import bad
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    import bad
  File "/tmp/t/bad.py", line 1
    x = (
        ^
SyntaxError: '(' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import boom
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    import boom
  File "/tmp/t/boom.py", line 2, in <module>
    undefined_at_import
NameError: name 'undefined_at_import' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import mymod as m, plain
print(m.X + plain.A)
"###,
        r###"6
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import cyc_a
print(cyc_a.A, cyc_a.cyc_b.B)
"###,
        r###"a b
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print(__name__, __file__)
"###,
        r###"__main__ /tmp/t/s.py
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"return 5
"###,
        r###"  File "/tmp/t/s.py", line 1
    return 5
    ^^^^^^^^
SyntaxError: 'return' outside function
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1
    y = 2
"###,
        r###"  File "/tmp/t/s.py", line 2
    y = 2
IndentationError: unexpected indent
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f():
    x = 1
    print(x
"###,
        r###"  File "/tmp/t/s.py", line 3
    print(x
         ^
SyntaxError: '(' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"if True:
    x = 1 +
"###,
        r###"  File "/tmp/t/s.py", line 2
    x = 1 +
           ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [
1,
2"###,
        r###"  File "/tmp/t/s.py", line 1
    x = [
        ^
SyntaxError: '[' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print(f"{x!z}")"###,
        r###"  File "/tmp/t/s.py", line 1
    print(f"{x!z}")
               ^
SyntaxError: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = yield"###,
        r###"  File "/tmp/t/s.py", line 1
    x = yield
        ^^^^^
SyntaxError: 'yield' outside function
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"try:
    1/0
except Exception as e:
    raise e
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 4, in <module>
    raise e
  File "/tmp/t/s.py", line 2, in <module>
    1/0
    ~^~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f():
    try:
        return {}['k']
    except KeyError:
        raise
f()
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 6, in <module>
    f()
  File "/tmp/t/s.py", line 3, in f
    return {}['k']
           ~~^^^^^
KeyError: 'k'
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"sys.path"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'sys' is not defined. Did you forget to import 'sys'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"pritn(1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'pritn' is not defined. Did you mean: 'print'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"import sys; sys.pth"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: module 'sys' has no attribute 'pth'. Did you mean: 'path'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"[].apend(1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x=1; x.real2"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'int' object has no attribute 'real2'. Did you mean: 'real'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"json.dumps"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'json' is not defined. Did you forget to import 'json'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"Print(1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'Print' is not defined. Did you mean: 'print'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"ValueErorr"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
NameError: name 'ValueErorr' is not defined. Did you mean: 'ValueError'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f():
    vlaue = 1
    return valeu
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 4, in <module>
  File "<string>", line 3, in f
NameError: name 'valeu' is not defined
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"lenght = 5
print(lengt)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 2, in <module>
NameError: name 'lengt' is not defined. Did you mean: 'lenght'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def f(count):
    return coutn
f(1)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in <module>
  File "<string>", line 2, in f
NameError: name 'coutn' is not defined. Did you mean: 'count'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"{}.iterms()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'dict' object has no attribute 'iterms'. Did you mean: 'items'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"'x'.uper()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"from mymod import twic
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 1, in <module>
    from mymod import twic
ImportError: cannot import name 'twic' from 'mymod' (/tmp/t/mymod.py). Did you mean: 'twice'?
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import mymod
mymod.twicee(1)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    mymod.twicee(1)
    ^^^^^^^^^^^^
AttributeError: module 'mymod' has no attribute 'twicee'. Did you mean: 'twice'?
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"try:
    pritn
except NameError as e:
    print(e)"###,
        r###"name 'pritn' is not defined
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"os = 1
print(os)
print(undefined_os)"###,
        r###"1
Traceback (most recent call last):
  File "<string>", line 3, in <module>
NameError: name 'undefined_os' is not defined
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(*[1, 2, 3], sep=', ')
print(*'ab')
print('a', 1, None, [1.5], sep='')"###,
        r###"1, 2, 3
a b
a1None[1.5]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
def make(n=[]):
    n.append(1)
    return n
make()
print(make())"###,
        r###"[2, 2, 2]
[1, 1]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"try:
    try:
        1/0
    finally:
        print('inner finally')
except ZeroDivisionError:
    print('outer caught')"###,
        r###"inner finally
outer caught
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f():
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b')
f()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 3, in f
ValueError: a

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "<string>", line 6, in <module>
  File "<string>", line 5, in f
TypeError: b
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(str(1.0), str(-0.5), repr(1e-5), 1e16 == 10**16, int(1e16), 2**62, -2**62, 9007199254740993.0)"###,
        r###"1.0 -0.5 1e-05 True 10000000000000000 4611686018427387904 -4611686018427387904 9007199254740992.0
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(round(0.5), round(1.5), round(-1.5), round(2.5, 0), round(0.125, 2), round(-2.675, 2), int(-3.9), int('-0'))"###,
        r###"0 2 -2 2.0 0.12 -2.67 -3 0
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'a', 'B']), sorted([(1, 'b'), (1, 'a')]), sorted([0.5, 1, True]))"###,
        r###"[3, 2, 1] ['A', 'B', 'a', 'b'] [(1, 'a'), (1, 'b')] [0.5, 1, True]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = [5, 3, 8]
y = sorted(x)
x.sort(key=lambda v: -v)
print(x, y, x.index(8), x.count(3), 8 in x, [] in [[]])"###,
        r###"[8, 5, 3] [3, 5, 8] 0 1 True True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print('a'.join('xyz'), ','.join([]), 'abc'.split('b'), 'a  b'.split(' '), ''.split(), ''.split(','), 'abc'.find(''), 'abc'.count('') )"###,
        r###"xayaz  ['a', 'c'] ['a', '', 'b'] [] [''] 0 4
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"s = 'Hello'
print(s[1:-1], s[-100:100], s[::-2], s[5:], len(s[10:]), s * 2, 'l' in s, s.index('l'), s.rindex('l'))"###,
        r###"ell Hello olH  0 HelloHello True 2 3
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(list(zip()), list(zip([1], [2], [3])), list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, '', 'a'])))"###,
        r###"[] [(1, 2, 3)] ['1', '2'] [11, 22] [1, 'a']
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"it = iter([1, 2])
print(next(it), next(it), next(it, 'done'))
print(next(it))"###,
        r###"1 2 done
Traceback (most recent call last):
  File "<string>", line 3, in <module>
StopIteration
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(max('apple', 'fig', key=len), min([[3], [1, 2]]), max(1, 2.5), min(-1, -1.0), max([], default='none'))"###,
        r###"apple [1, 2] 2.5 -1 none
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(abs(-0.0), abs(True), divmod(7.5, 2), pow(2, -2), 2 ** 0.5 ** 2, -3 ** 2, 10 - 2 - 3, 2 ** 3 ** 2, 100 / 10 / 5)"###,
        r###"0.0 1 (3.0, 1.5) 0.25 1.189207115002721 -9 5 512 2.0
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(1 if [] else 2, 'x' if 'y' else 'z', None or [] or 0, 1 and 2 and 3, not None, not [0])"###,
        r###"2 x 0 3 True False
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = 5
def g():
    print(x)
    x = 6
g()"###,
        r###"Traceback (most recent call last):
  File "<string>", line 5, in <module>
  File "<string>", line 3, in g
UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"def outer():
    v = 'outer'
    def inner():
        return v
    v = 'changed'
    return inner()
print(outer())"###,
        r###"changed
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"t = (1, 2, 3)
a, *rest = t
*init, last = t
x, *y, z = 'ab'
print(a, rest, init, last, x, y, z)
for h, *tl in [(1, 2, 3)]:
    print(h, tl)
p, *q = []"###,
        r###"1 [2, 3] [1, 2] 3 a [] b
1 [2, 3]
Traceback (most recent call last):
  File "<string>", line 8, in <module>
ValueError: not enough values to unpack (expected at least 1, got 0)
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"x = {'a': 1}
x.update([('b', 2)])
print(x, x.copy() == x, x.copy() is x, dict(x, c=3))
for k in x:
    print(k, x[k])"###,
        r###"{'a': 1, 'b': 2} True False {'a': 1, 'b': 2, 'c': 3}
a 1
b 2
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print({'a': 1}.get('a', 5), {}.setdefault('k', []), list({'b': 1, 'a': 2}.items())[0], 'a' in {'a': 1}, 1 in {'a': 1}.values())"###,
        r###"1 [] ('b', 1) True True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"import sys
print(type(sys.path), sys.stdout, sys.stderr)"###,
        r###"<class 'list'> <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'> <_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(repr(print), print.__name__, repr(len), len.__name__)"###,
        r###"<built-in function print> print <built-in function len> len
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"e = ValueError('a', 'b')
print(e, repr(e), e.args, str(KeyError('k')), repr(KeyError('k')), str(KeyError()), isinstance(e, Exception), isinstance(e, ValueError))"###,
        r###"('a', 'b') ValueError('a', 'b') ('a', 'b') 'k' KeyError('k')  True True
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = 0
for i in range(100000):
    x += i
print(x)"###,
        r###"4999950000
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"n = 0
while n < 50000:
    n += 1
print(n)"###,
        r###"50000
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"words = 'a b c'.split()
for i, w in enumerate(words, start=1):
    print(f'{i:>2}. {w.upper()}')"###,
        r###" 1. A
 2. B
 3. C
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"matrix = [[1, 2], [3, 4]]
print([[row[i] for row in matrix] for i in range(2)], [x for row in matrix for x in row if x % 2])"###,
        r###"[[1, 3], [2, 4]] [1, 3]
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"def f(**kw):
    return sorted(kw.items())
print(f(b=1, a=2))
def g(*a):
    return a
print(g(), g(1), g(*'ab'))"###,
        r###"[('a', 2), ('b', 1)]
() (1,) ('a', 'b')
"###,
        0,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def divide(a, b):
    return a / b

def main():
    values = [1, 2, 0]
    for v in values:
        print(divide(10, v))

main()
"###,
        r###"10.0
5.0
Traceback (most recent call last):
  File "/tmp/t/s.py", line 9, in <module>
    main()
  File "/tmp/t/s.py", line 7, in main
    print(divide(10, v))
          ^^^^^^^^^^^^^
  File "/tmp/t/s.py", line 2, in divide
    return a / b
           ~~^~~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"data = {'users': [{'name': 'kai'}]}
print(data['users'][0]['name'])
print(data['users'][1]['name'])
"###,
        r###"kai
Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    print(data['users'][1]['name'])
          ~~~~~~~~~~~~~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import mymod
result = mymod.twice(
    mymod.g()
)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    mymod.g()
  File "/tmp/t/mymod.py", line 4, in g
    return 1/0
           ~^~
ZeroDivisionError: division by zero
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1
if x:
    y = [1, 2,
         3, undefined]
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 4, in <module>
    3, undefined]
       ^^^^^^^^^
NameError: name 'undefined' is not defined
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f(x):
    return x.upper()

f(5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 4, in <module>
    f(5)
  File "/tmp/t/s.py", line 2, in f
    return x.upper()
           ^^^^^^^
AttributeError: 'int' object has no attribute 'upper'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"total = 0
for n in ['1', '2', 'x']:
    total += int(n)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 3, in <module>
    total += int(n)
             ^^^^^^
ValueError: invalid literal for int() with base 10: 'x'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"values = [1, 2, 3]
print(values[3])
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    print(values[3])
          ~~~~~~^^^
IndexError: list index out of range
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"name = 'kai'
print('hello ' + name + 5)
"###,
        r###"Traceback (most recent call last):
  File "/tmp/t/s.py", line 2, in <module>
    print('hello ' + name + 5)
          ~~~~~~~~~~~~~~~~^~~
TypeError: can only concatenate str (not "int") to str
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"	x = 1
"###,
        r###"  File "/tmp/t/s.py", line 1
    x = 1
IndentationError: unexpected indent
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"if True:
	x = 1
        y = 2
"###,
        r###"  File "/tmp/t/s.py", line 3
    y = 2
TabError: inconsistent use of tabs and spaces in indentation
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f():
    pass
  x = 1
"###,
        r###"  File "/tmp/t/s.py", line 3
    x = 1
         ^
IndentationError: unindent does not match any outer indentation level
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print('unterminated)
"###,
        r###"  File "/tmp/t/s.py", line 1
    print('unterminated)
          ^
SyntaxError: unterminated string literal (detected at line 1)
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"s = '''never
closed
"###,
        r###"  File "/tmp/t/s.py", line 1
    s = '''never
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 2)
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = [1, 2
y = 3
"###,
        r###"  File "/tmp/t/s.py", line 1
    x = [1, 2
        ^
SyntaxError: '[' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"foo(
"###,
        r###"  File "/tmp/t/s.py", line 1
    foo(
       ^
SyntaxError: '(' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"d = {'a': 1 'b': 2}
"###,
        r###"  File "/tmp/t/s.py", line 1
    d = {'a': 1 'b': 2}
              ^^^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"if x = 1:
    pass
"###,
        r###"  File "/tmp/t/s.py", line 1
    if x = 1:
       ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"print('a')
print('b'
print('c')
"###,
        r###"  File "/tmp/t/s.py", line 2
    print('b'
         ^
SyntaxError: '(' was never closed
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"def f(x)
    return x
"###,
        r###"  File "/tmp/t/s.py", line 1
    def f(x)
            ^
SyntaxError: expected ':'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"for i in range(3) print(i)
"###,
        r###"  File "/tmp/t/s.py", line 1
    for i in range(3) print(i)
                      ^^^^^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 10
if x > 5
    print(x)
"###,
        r###"  File "/tmp/t/s.py", line 2
    if x > 5
            ^
SyntaxError: expected ':'
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"else:
    pass
"###,
        r###"  File "/tmp/t/s.py", line 1
    else:
    ^^^^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"import
"###,
        r###"  File "/tmp/t/s.py", line 1
    import
          ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"/tmp/t/s.py"###,
        r###"x = 1 +* 2
"###,
        r###"  File "/tmp/t/s.py", line 1
    x = 1 +* 2
           ^
SyntaxError: invalid syntax
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(2**100, 7/2, 7//2, -7%3)"###,
        r###"1267650600228229401496703205376 3.5 3 2
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"top = 2**126 - 1 + 2**126
bottom = -2**126 - 2**126
print(top, bottom, top + bottom, str(top), repr(bottom), len(str(2**126)))
print(170141183460469231731687303715884105727, -170141183460469231731687303715884105727 - 1, 0x7fffffffffffffffffffffffffffffff, top // -1, bottom % -1, -top)"###,
        r###"170141183460469231731687303715884105727 -170141183460469231731687303715884105728 -1 170141183460469231731687303715884105727 -170141183460469231731687303715884105728 38
170141183460469231731687303715884105727 -170141183460469231731687303715884105728 170141183460469231731687303715884105727 -170141183460469231731687303715884105727 0 -170141183460469231731687303715884105727
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"f = 1
for i in range(1, 34):
    f *= i
print(f)
print(f // 10**20, f % 10**20, -f // 7, -f % 7, f / 3, float(f))
print(f'{f:,}', f'{f:>45}|', f'{-f:<40}|', f'{f:e}', '{:,}'.format(-f), format(f, '+'))"###,
        r###"8683317618811886495518194401280000000
86833176188118864 95518194401280000000 -1240473945544555213645456343040000000 0 2.894439206270629e+36 8.683317618811886e+36
8,683,317,618,811,886,495,518,194,401,280,000,000         8683317618811886495518194401280000000| -8683317618811886495518194401280000000  | 8.683318e+36 -8,683,317,618,811,886,495,518,194,401,280,000,000 +8683317618811886495518194401280000000
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"big = 2**100
print(big == 2.0**100, big > 2.0**100, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2.0**53 < 2**53 + 1, big < 1e300, -big > float('-inf'))
print(int('1' * 38), int('-0x' + 'f' * 31, 16), int(1e30), int(-1.5e38), round(5**30, -3), round(2**100, -2), round(1e30), abs(-2**126))"###,
        r###"True False False True True True True
11111111111111111111111111111111111111 -21267647932558653966460912964485513215 1000000000000000019884624838656 -150000000000000006067947700923341471744 931322574615478516000 1267650600228229401496703205400 1000000000000000019884624838656 85070591730234615865843651857942052864
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"print(divmod(-2**100, 7), -7 % 2**100, 2**100 // -3, 2**100 >> 3, 1 << 100, -1 << 127, ~(2**100))
print(hex(2**100), bin(-2**70), oct(2**100), (2**100).bit_length(), hash(2**100), hash(2**61 - 1), hash(-2**61 - 1))
print(2**-100, 10**38 // 7, -2**126 // 3, 2**100 / 3, (2**126 + 2**125) / (2**64 + 1), 1 / 2**100)"###,
        r###"(-181092942889747057356671886483, 5) 1267650600228229401496703205369 -422550200076076467165567735126 158456325028528675187087900672 1267650600228229401496703205376 -170141183460469231731687303715884105728 -1267650600228229401496703205377
0x10000000000000000000000000 -0b10000000000000000000000000000000000000000000000000000000000000000000000 0o2000000000000000000000000000000000 101 549755813888 0 -2
7.888609052210118e-31 14285714285714285714285714285714285714 -28356863910078205288614550619314017622 4.2255020007607644e+29 6.917529027641082e+18 7.888609052210118e-31
"###,
        0,
    ),
    (
        r###"<string>"###,
        r###"x = [1, 2, 3]
print(x[1:2**100], x[-2**100:1], 2**100 in range(3), {2**100: 'a'}[2.0**100], max(2**100, 3), sum([2**62] * 4), True + 2**100)
print(x[2**100])"###,
        r###"[2, 3] [1] False a 1267650600228229401496703205376 18446744073709551616 1267650600228229401496703205377
Traceback (most recent call last):
  File "<string>", line 3, in <module>
IndexError: cannot fit 'int' into an index-sized integer
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print('ab' * 2**100)"###,
        r###"Traceback (most recent call last):
  File "<string>", line 1, in <module>
OverflowError: cannot fit 'int' into an index-sized integer
"###,
        1,
    ),
    (
        r###"<string>"###,
        r###"print(int('-170141183460469231731687303715884105728'), -170141183460469231731687303715884105727)"###,
        r###"-170141183460469231731687303715884105728 -170141183460469231731687303715884105727
"###,
        0,
    ),
];

/// Interactive sessions: (lines typed, transcript of prompts and output, exit status).
pub const REPL_CASES: &[(&[&str], &str, i32)] = &[
    (
        &[
            r###"1 + 1"###,
            r###"x = 5"###,
            r###"x"###,
            r###"None"###,
            r###"if x:"###,
            r###"    print('yes')"###,
            r###""###,
            r###"for i in range(2):"###,
            r###"    i"###,
            r###""###,
            r###"undefined"###,
            r###"def f():"###,
            r###"    return 1/0"###,
            r###""###,
            r###"f()"###,
            r###"'a' 'b'"###,
            r###"[1, 2]"###,
            r###"print(1 +)"###,
            r###"x = (1,"###,
            r###"2)"###,
            r###"x"###,
            r###"_"###,
            r###"exit(3)"###,
        ],
        r###">>> 2
>>> >>> 5
>>> >>> ... ... yes
>>> ... ... 0
1
>>> Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
NameError: name 'undefined' is not defined
>>> ... ... >>> Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "<stdin>", line 2, in f
ZeroDivisionError: division by zero
>>> 'ab'
>>> [1, 2]
>>>   File "<stdin>", line 1
    print(1 +)
             ^
SyntaxError: invalid syntax
>>> ... >>> (1, 2)
>>> (1, 2)
>>> "###,
        3,
    ),
    (
        &[
            r###"'it\'s'"###,
            r###"print('x')"###,
            r###"[None]"###,
            r###"{}"###,
            r###"len"###,
            r###"exit"###,
            r###"1; 2"###,
            r###"y = 1; y"###,
            r###"3.0 * 2"###,
            r###"'é'"###,
            r###""###,
            r###"# comment"###,
            r###"quit()"###,
        ],
        r###">>> "it's"
>>> x
>>> [None]
>>> {}
>>> <built-in function len>
>>> Use exit() or Ctrl-D (i.e. EOF) to exit
>>> 1
2
>>> 1
>>> 6.0
>>> 'é'
>>> >>> >>> "###,
        0,
    ),
    (
        &[
            r###"if True:"###,
            r###""###,
            r###"x = ["###,
            r###""###,
            r###"1,"###,
            r###"2]"###,
            r###"x"###,
            r###"d = {"###,
            r###"  'a': 1,"###,
            r###"}"###,
            r###"d"###,
            r###"import sys"###,
            r###"sys.exit('bye')"###,
        ],
        r###">>> ...   File "<stdin>", line 2
    
    ^
IndentationError: expected an indented block after 'if' statement on line 1
>>> ... ... ... >>> [1, 2]
>>> ... ... >>> {'a': 1}
>>> >>> bye
"###,
        1,
    ),
    (
        &[
            r###"try:"###,
            r###"    1/0"###,
            r###"except ZeroDivisionError as e:"###,
            r###"    print('caught', e)"###,
            r###""###,
            r###"import nosuch"###,
            r###"from plain import zzzzzz"###,
            r###"def g(n):"###,
            r###"    if n:"###,
            r###"        return g(n - 1)"###,
            r###"    return 'bottom'"###,
            r###""###,
            r###"g(3)"###,
            r###"while False:"###,
            r###"    pass"###,
            r###"else:"###,
            r###"    'else'"###,
            r###""###,
            r###"exit()"###,
        ],
        r###">>> ... ... ... ... caught division by zero
>>> Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
ModuleNotFoundError: No module named 'nosuch'
>>> Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
ImportError: cannot import name 'zzzzzz' from 'plain' (/tmp/t/plain.py)
>>> ... ... ... ... >>> 'bottom'
>>> ... ... ... ... 'else'
>>> "###,
        0,
    ),
    (
        &[
            r###"x = 1"###,
            r###"if x:"###,
            r###"    y = 2"###,
            r###"  z = 3"###,
            r###"print(x)"###,
            r###"print("unclosed"###,
            r###"'''multi"###,
            r###"line'''"###,
            r###"f = lambda a: a * 2"###,
            r###"f(21)"###,
            r###"raise SystemExit(7)"###,
        ],
        r###">>> >>> ... ...   File "<stdin>", line 3
    z = 3
         ^
IndentationError: unindent does not match any outer indentation level
>>> 1
>>>   File "<stdin>", line 1
    print("unclosed
          ^
SyntaxError: unterminated string literal (detected at line 1)
>>> ... 'multi\nline'
>>> >>> 42
>>> "###,
        7,
    ),
];
