# The single entry point. A new user needs only `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# The first Python 3.12+ found; override with `make PYTHON=/path/to/python3.13 ...`.
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)

.PHONY: run test install lint format bench bench-throughput clean

# Python keeps compiled modules (and pytest its rewritten test modules) in __pycache__, which git
# ignores: where the environment turns that off, every test run would compile everything again.
unexport PYTHONDONTWRITEBYTECODE

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.13, python3.12 or python3)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

## Set up and serve the demo on http://127.0.0.1:8000 (embedded SQLite database).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py demo_officer
	$(PY) manage.py runserver 127.0.0.1:8000

## The whole test suite, on every core; set DATABASE_URL to run it on PostgreSQL.
## The slowest tests are listed at the end so that a slow one is seen.
test: install
	$(PY) -m pytest -n auto --durations=15

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

## Server time of the library's pages on 10,000 reviews / 100,000 lessons, in a separate
## PostgreSQL database (<name>_bench); KEEP=1 keeps it for the next run. Results in bench-results/.
## With them, the board's action plan and its XLSX export, the API, /insight/, the feeds and
## "learnt before" on the same data. Then a newsletter PDF of three reviews:
## cold render, peak memory, kept-PDF download (rolled back); then What's due with 2,000 cases
## (in <name>_bench_cases).
bench: install
	@case "$$DATABASE_URL" in postgres*) ;; *) \
		echo "make bench needs PostgreSQL: DATABASE_URL=postgres://user@127.0.0.1:5432/lscb make bench"; exit 1;; esac
	$(PY) manage.py bench_pages --reviews 10000 $(if $(KEEP),--keep)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bench_pdf
	$(PY) manage.py bench_cases --cases 2000

## Requests per second of /lessons/ and /reviews/ through gunicorn (2 sync workers, DEBUG off) beside a
## bare page's, on DATABASE_URL's database as it is (e.g. <name>_bench kept by KEEP=1 make bench).
bench-throughput: install
	$(PY) manage.py bench_throughput --duration 10 --connections 8

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache
