-- Task Master writes a dependency as a JSON number or string, a subtask's sibling as its bare number ("1"
-- on subtask 5.2 means 5.1), and real files hold dependencies on tasks that do not exist, or on the task
-- itself. Every dependency is now kept exactly as written: resolved ones in task_dependency, with their
-- written form; the others in task_dependency_unresolved. An export gives the file back, and validation
-- reports what task-master validate-dependencies reports.

ALTER TABLE task_dependency
    ADD COLUMN written           text,
    ADD COLUMN written_as_number boolean NOT NULL DEFAULT false;

-- Rows written before V3 came from the API, which names targets by full id.
UPDATE task_dependency d
   SET written = CASE WHEN p.id IS NULL THEN t.task_key ELSE p.task_key || '.' || t.task_key END
  FROM task t LEFT JOIN task p ON p.id = t.parent_id
 WHERE t.id = d.depends_on_id;

ALTER TABLE task_dependency ALTER COLUMN written SET NOT NULL;

CREATE TABLE task_dependency_unresolved (
    task_id           bigint   NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    -- Position in the task's dependency list, shared with task_dependency.position.
    position          smallint NOT NULL,
    written           text     NOT NULL,
    written_as_number boolean  NOT NULL,
    PRIMARY KEY (task_id, position)
);

-- The task's place in its list (a tag's tasks, or a parent's subtasks) as the task list had it, so an export
-- writes tasks back in their order, which Task Master's own tie-breaks depend on. New tasks go last.
ALTER TABLE task ADD COLUMN position integer NOT NULL DEFAULT 0;
UPDATE task SET position = id;

-- How the task list wrote a record where the columns cannot tell, so an export gives it back exactly:
--   "id":     the id as written (a JSON number or string) when that differs from task_key, e.g. a numeric
--             string "5", or an id a file repeats among siblings (the repeat gets a fresh task_key);
--   "null":   known fields written as an explicit null (e.g. "details": null);
--   "absent": known fields the record left out that an export would otherwise write (dependencies, subtasks).
-- Empty for tasks created through the API.
ALTER TABLE task ADD COLUMN written_shape jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE task ADD CONSTRAINT task_written_shape_is_object CHECK (jsonb_typeof(written_shape) = 'object');

-- A tag's metadata may be absent (legacy files have none), and a tag object may carry other keys.
ALTER TABLE tag ALTER COLUMN metadata DROP NOT NULL;
ALTER TABLE tag ALTER COLUMN metadata DROP DEFAULT;
ALTER TABLE tag ADD COLUMN extra jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE tag ADD CONSTRAINT tag_extra_is_object CHECK (jsonb_typeof(extra) = 'object');
