# hayaoshi: the two commands a team's admin needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-deps test-fast bench lint clean

# Debian packages the tests need: Dovecot for IMAP, PostgreSQL 15 for the team database, openssl
# for the TLS test certificates, a Japanese font for the digest's charts. Installed only when
# missing (the machine may ship them).
TEST_DEBS := dovecot-imapd openssl postgresql-15 fonts-ipafont-gothic

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -c "import spacy; spacy.load('ja_ginza')"  # the model ships as a package: offline
	touch $(STAMP)

# The embedded default: no server. The sample mails are delivered into a local Maildir and the
# daemon runs once over it with SQLite and the sample roster (demo/hayaoshi.toml).
demo: install
	rm -rf var/demo.db var/demo-maildir
	mkdir -p var
	$(BIN)/python -m hayaoshi.daemon.seed var/demo-maildir demo/mail
	$(BIN)/hayaoshi run --config demo/hayaoshi.toml --once
	$(BIN)/hayaoshi status --config demo/hayaoshi.toml
	$(BIN)/hayaoshi match --config demo/hayaoshi.toml --mail demo/mail/01_job_brackets.eml
	$(BIN)/hayaoshi drafts --config demo/hayaoshi.toml
	$(BIN)/hayaoshi drafts --config demo/hayaoshi.toml --show 1

test: install test-deps
	$(BIN)/pytest

test-deps:
	@missing=""; \
	for pkg in $(TEST_DEBS); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test-fast: install
	$(BIN)/pytest -m "unit"

bench: install
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_match.py
	$(BIN)/python bench/bench_pool.py
	$(BIN)/python bench/bench_sheets.py
	$(BIN)/python bench/bench_daemon.py --latency 200 --mails 10000

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info .bench
