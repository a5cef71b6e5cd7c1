-- Totals as a document prints them for its finance lines ("Totaal
-- programma"), kept so that checks can tell whether the lines add up.
-- side is lasten, baten, or '' (or saldo) for the printed saldo; amount in
-- cents in the stored convention (lasten and baten positive, saldo = baten
-- - lasten). Finance lines themselves keep side as free text: a line with
-- side 'saldo' holds a printed net amount (baten - lasten).
CREATE TABLE printed_totals (
    org          TEXT NOT NULL,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    stage        TEXT NOT NULL,
    year         INTEGER NOT NULL,
    side         TEXT NOT NULL DEFAULT '',
    amount       BIGINT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    line         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, position)
);
CREATE INDEX printed_totals_document ON printed_totals (document_id);
