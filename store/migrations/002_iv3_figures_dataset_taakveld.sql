-- Comparisons read one taakveld of one dataset (all 342 gemeenten). Without
-- statistics SQLite picks the primary key (dataset_id, org, taakveld) and
-- scans the whole dataset; this index answers "dataset_id = ? AND taakveld = ?"
-- directly. Added by the analyses (grip compare: < 50 ms per comparison).
CREATE INDEX iv3_figures_dataset_taakveld ON iv3_figures (dataset_id, taakveld);
