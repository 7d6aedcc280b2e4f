-- Task Master order as one sortable value, for ORDER BY and keyset paging over a single column:
-- numeric ids zero-padded to 19 digits (so 2 < 10), then slugs after every number ('~' sorts after digits).
-- COLLATE "C" compares bytes, so the order does not depend on the database's locale.
ALTER TABLE task ADD COLUMN sort_key text COLLATE "C" GENERATED ALWAYS AS (
    CASE WHEN task_key ~ '^[0-9]{1,18}$' THEN lpad(task_key, 19, '0') ELSE '~' || task_key END) STORED;

DROP INDEX task_tag_order;
CREATE INDEX task_tag_order ON task (tag_id, parent_id, sort_key, id);
-- Keyset pages over a whole tag (tasks and subtasks together).
CREATE INDEX task_tag_sort ON task (tag_id, sort_key, id);
