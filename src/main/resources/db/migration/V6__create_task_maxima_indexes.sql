-- Creating a top-level task without an id numbers it max(key_number) + 1 and places it at max(position) + 1, under
-- the tag's lock (docs/performance.md). With these indexes each maximum is one entry read from an index's end
-- (PostgreSQL's min/max optimisation), not an aggregate over the tag's top-level tasks: at 10,000 tasks that
-- aggregate made every create of a tag wait ~10 ms for the one before it. Subtasks are few per parent and found
-- through task_key_unique_in_parent.
CREATE INDEX task_top_level_key_number ON task (tag_id, key_number) WHERE parent_id IS NULL;
CREATE INDEX task_top_level_position ON task (tag_id, position) WHERE parent_id IS NULL;
