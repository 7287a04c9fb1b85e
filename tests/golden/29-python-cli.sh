python -V
python --version
python -VV
python -c "print(1, 2, sep='-', end='!\n')"
python -c "print(1, 2, sep='-', end='.\n')"
python -c "x=6; print(f'{x=} {x*7:>5}|')"
python -c "print(2**100, 7/2, 7//2, -7%3)"
python -c "print(nope)"
python -c "pritn(1)"
python -c "1/0"
echo $?
python -c "print(1 +)"
python -c "import sys; print(sys.argv)" a b
python -c "import sys; sys.exit(3)"
echo $?
python -c "import sys; print(sys.path)"
python -c "import os; print(os.getcwd())"
python nosuch.py
printf 'x = 1\ny = 2\nif x\n' > bad.py
python bad.py
printf 'def f():\n  return 1/0\nf()\n' > t.py
python t.py
python -m nosuchmodule
python -m site
python -I -c "import sys; print(sys.path)"
python -s -c "import sys; print(sys.path)"
python -E -c "import sys; print(sys.path)"
