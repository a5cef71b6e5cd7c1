-- Indexes on the foreign-key columns that no index leads with. Deleting (or
-- replacing) a document deletes its rows through ON DELETE CASCADE, and both
-- databases then look up the referencing rows of every deleted row by these
-- columns: without an index each lookup scans the whole table, so replacing
-- a document got slower with every document stored.
CREATE INDEX programme_items_document ON programme_items (document_id);
CREATE INDEX partners_document ON partners (document_id);
CREATE INDEX goals_parent ON goals (parent_id);
CREATE INDEX sections_programme ON sections (programme_id);
CREATE INDEX sections_goal ON sections (goal_id);
CREATE INDEX activity_goals_goal ON activity_goals (goal_id);
CREATE INDEX proposals_funding_reserve ON proposals (funding_reserve_id);
CREATE INDEX proposal_goals_goal ON proposal_goals (goal_id);
CREATE INDEX reserve_mutations_proposal ON reserve_mutations (proposal_id);
CREATE INDEX development_goals_goal ON development_goals (goal_id);
CREATE INDEX indicator_goals_goal ON indicator_goals (goal_id);
CREATE INDEX finance_line_goals_goal ON finance_line_goals (goal_id);
CREATE INDEX variance_lines_goal ON variance_lines (goal_id);
CREATE INDEX progress_entries_goal ON progress_entries (goal_id);
CREATE INDEX progress_entries_activity ON progress_entries (activity_id);
