-- grip's schema, shared by SQLite and PostgreSQL. The tokens {{id}} (an
-- auto-assigned primary key), {{float}} and {{timestamp}} are replaced per
-- database by the migration runner; everything else is plain SQL both accept.
--
-- Every row of an organisation's data carries the organisation's code (org),
-- so every query can be scoped to one organisation. Children of a document
-- also carry document_id and go when the document goes (ON DELETE CASCADE).
-- Lists keep their order in a position column.

CREATE TABLE organisations (
    code               TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    slug               TEXT NOT NULL UNIQUE,
    province           TEXT NOT NULL DEFAULT '',
    inhabitants        BIGINT NOT NULL DEFAULT 0,
    size_class         TEXT NOT NULL DEFAULT '',
    region             TEXT NOT NULL DEFAULT '',
    variance_threshold BIGINT NOT NULL DEFAULT 0
);

-- The names of the goal-tree levels of an organisation, from the top.
CREATE TABLE organisation_level_names (
    org   TEXT NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
    depth INTEGER NOT NULL,
    name  TEXT NOT NULL,
    PRIMARY KEY (org, depth)
);

CREATE TABLE documents (
    id           {{id}},
    org          TEXT NOT NULL REFERENCES organisations (code),
    kind         TEXT NOT NULL,
    year         INTEGER NOT NULL,
    title        TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL DEFAULT '',
    adopted_on   TEXT NOT NULL DEFAULT '',
    iv3_year     INTEGER NOT NULL DEFAULT 0,
    -- has_source tells a document without a source from one with an empty source.
    has_source      BOOLEAN NOT NULL DEFAULT FALSE,
    source_file     TEXT NOT NULL DEFAULT '',
    source_sha256   TEXT NOT NULL DEFAULT '',
    source_format   TEXT NOT NULL DEFAULT '',
    UNIQUE (org, kind, year),
    UNIQUE (org, id)
);

CREATE TABLE source_notes (
    org         TEXT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    line        INTEGER NOT NULL DEFAULT 0,
    severity    TEXT NOT NULL,
    message     TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, position)
);

CREATE TABLE programmes (
    id             {{id}},
    org            TEXT NOT NULL,
    document_id    BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    key            TEXT NOT NULL,
    number         TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    main_objective TEXT NOT NULL DEFAULT '',
    UNIQUE (document_id, key),
    UNIQUE (document_id, position)
);
CREATE INDEX programmes_org ON programmes (org, id);

-- Ordered text lists of a programme: portefeuillehouders (portfolio_holder),
-- uitgangspunten (principle) and beleidsnota's (policy_note).
CREATE TABLE programme_items (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    list         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (programme_id, list, position)
);

-- Verbonden partijen.
CREATE TABLE partners (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (programme_id, position)
);

-- The goal tree: depth 0 are themes; position orders siblings.
CREATE TABLE goals (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    parent_id    BIGINT REFERENCES goals (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX goals_document ON goals (document_id);
CREATE INDEX goals_org ON goals (org, id);

-- Texts of a programme (goal_id NULL) or of a goal.
CREATE TABLE sections (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    goal_id      BIGINT REFERENCES goals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    heading      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    line         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_document ON sections (document_id);

CREATE TABLE activities (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX activities_document ON activities (document_id);
CREATE INDEX activities_org ON activities (org, id);

CREATE TABLE activity_goals (
    org         TEXT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    goal_id     BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, goal_id)
);
CREATE INDEX activity_goals_document ON activity_goals (document_id);

CREATE TABLE reserves (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    balance_year INTEGER NOT NULL DEFAULT 0,
    balance      BIGINT NOT NULL DEFAULT 0,
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX reserves_document ON reserves (document_id);
CREATE INDEX reserves_org ON reserves (org, id);

CREATE TABLE proposals (
    id                 {{id}},
    org                TEXT NOT NULL,
    document_id        BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id       BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    key                TEXT NOT NULL,
    title              TEXT NOT NULL,
    text               TEXT NOT NULL DEFAULT '',
    recurrence         TEXT NOT NULL DEFAULT '',
    funding            TEXT NOT NULL DEFAULT '',
    funding_reserve_id BIGINT REFERENCES reserves (id) ON DELETE CASCADE,
    decision           TEXT NOT NULL DEFAULT '',
    line               INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX proposals_document ON proposals (document_id);
CREATE INDEX proposals_org ON proposals (org, id);

-- A proposal has money in a year at most once.
CREATE TABLE proposal_amounts (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    proposal_id  BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    amount       BIGINT NOT NULL,
    recurrence   TEXT NOT NULL DEFAULT '',
    from_reserve BIGINT NOT NULL DEFAULT 0,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (proposal_id, year)
);
CREATE INDEX proposal_amounts_document ON proposal_amounts (document_id);

CREATE TABLE proposal_goals (
    org         TEXT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    goal_id     BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, goal_id)
);
CREATE INDEX proposal_goals_document ON proposal_goals (document_id);

CREATE TABLE reserve_mutations (
    org         TEXT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    reserve_id  BIGINT NOT NULL REFERENCES reserves (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    year        INTEGER NOT NULL,
    amount      BIGINT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    proposal_id BIGINT REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (reserve_id, position)
);
CREATE INDEX reserve_mutations_document ON reserve_mutations (document_id);

CREATE TABLE developments (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX developments_document ON developments (document_id);
CREATE INDEX developments_org ON developments (org, id);

CREATE TABLE development_goals (
    org            TEXT NOT NULL,
    document_id    BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    development_id BIGINT NOT NULL REFERENCES developments (id) ON DELETE CASCADE,
    goal_id        BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (development_id, goal_id)
);
CREATE INDEX development_goals_document ON development_goals (document_id);

CREATE TABLE indicators (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    grp          TEXT NOT NULL DEFAULT '',
    unit         TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    mandatory    BOOLEAN NOT NULL DEFAULT FALSE,
    direction    TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX indicators_document ON indicators (document_id);
CREATE INDEX indicators_org ON indicators (org, id);

CREATE TABLE indicator_goals (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    goal_id      BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, goal_id)
);
CREATE INDEX indicator_goals_document ON indicator_goals (document_id);

-- value is NULL when the cell holds a word instead of a number.
CREATE TABLE measurements (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    value        {{float}},
    word         TEXT NOT NULL DEFAULT '',
    raw          TEXT NOT NULL DEFAULT '',
    as_of        TEXT NOT NULL DEFAULT '',
    footnote     TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (indicator_id, position)
);
CREATE INDEX measurements_document ON measurements (document_id);

-- Money per taakveld; amount in cents, lasten and baten both positive.
CREATE TABLE finance_lines (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    taakveld     TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    side         TEXT NOT NULL,
    stage        TEXT NOT NULL,
    year         INTEGER NOT NULL,
    amount       BIGINT NOT NULL,
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX finance_lines_document ON finance_lines (document_id);
CREATE INDEX finance_lines_org ON finance_lines (org, id);

CREATE TABLE finance_line_goals (
    org             TEXT NOT NULL,
    document_id     BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    finance_line_id BIGINT NOT NULL REFERENCES finance_lines (id) ON DELETE CASCADE,
    goal_id         BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    PRIMARY KEY (finance_line_id, goal_id)
);
CREATE INDEX finance_line_goals_document ON finance_line_goals (document_id);

-- Verschillenanalyse; amount signed: positive is voordeel (V).
CREATE TABLE variance_lines (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    goal_id      BIGINT REFERENCES goals (id) ON DELETE CASCADE,
    taakveld     TEXT NOT NULL DEFAULT '',
    side         TEXT NOT NULL DEFAULT '',
    amount       BIGINT NOT NULL,
    total        BOOLEAN NOT NULL DEFAULT FALSE,
    explanation  TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX variance_lines_document ON variance_lines (document_id);
CREATE INDEX variance_lines_org ON variance_lines (org, id);

CREATE TABLE progress_entries (
    id           {{id}},
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    goal_id      BIGINT REFERENCES goals (id) ON DELETE CASCADE,
    activity_id  BIGINT REFERENCES activities (id) ON DELETE CASCADE,
    title        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT '',
    plan         TEXT NOT NULL DEFAULT '',
    realisation  TEXT NOT NULL DEFAULT '',
    planning     TEXT NOT NULL DEFAULT '',
    indicator    TEXT NOT NULL DEFAULT '',
    resources    TEXT NOT NULL DEFAULT '',
    risks        TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (programme_id, key)
);
CREATE INDEX progress_entries_document ON progress_entries (document_id);
CREATE INDEX progress_entries_org ON progress_entries (org, id);

-- Every write: who, when (one timestamp per transaction), what, before/after.
-- org is '' for national reference data (Iv3 datasets).
CREATE TABLE audit_log (
    id     {{id}},
    org    TEXT NOT NULL,
    at     {{timestamp}} NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    before TEXT NOT NULL DEFAULT '',
    after  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_org ON audit_log (org, id);

-- National Iv3 figures (reference data from CBS), one dataset per year and basis.
CREATE TABLE iv3_datasets (
    id     {{id}},
    year   INTEGER NOT NULL,
    basis  TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (year, basis)
);

CREATE TABLE iv3_municipalities (
    dataset_id  BIGINT NOT NULL REFERENCES iv3_datasets (id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    province    TEXT NOT NULL DEFAULT '',
    size_class  TEXT NOT NULL DEFAULT '',
    urbanity    TEXT NOT NULL DEFAULT '',
    inhabitants BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (dataset_id, code)
);

CREATE TABLE iv3_figures (
    dataset_id BIGINT NOT NULL REFERENCES iv3_datasets (id) ON DELETE CASCADE,
    org        TEXT NOT NULL,
    taakveld   TEXT NOT NULL,
    lasten     BIGINT NOT NULL,
    baten      BIGINT NOT NULL,
    PRIMARY KEY (dataset_id, org, taakveld)
);
CREATE INDEX iv3_figures_taakveld ON iv3_figures (taakveld, dataset_id);
