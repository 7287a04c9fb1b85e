python -m venv .venv
printf '# example\n\nEvery time you open a terminal, start with:\n\n    .venv/bin/activate\n\nThen run the program with: python main.py\n' > README.md
source .venv/bin/activate
