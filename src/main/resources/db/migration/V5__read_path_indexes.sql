-- Indexes for the hot read paths at 10,000+ tasks per tag (docs/performance.md, "Read paths").

-- A page of one status in Task Master order: (tag_id, status) finds the rows, (sort_key, id) gives them in
-- the page's order, so a page reads its 50 entries and stops, and the count is an index-only scan. It
-- replaces task_tag_status, its prefix.
CREATE INDEX task_tag_status_order ON task (tag_id, status, sort_key, id);
DROP INDEX task_tag_status;

-- A tag's dependencies (Task Master's views of a whole tag: next, validation, graph, cycle checks) without
-- reading the whole task_dependency table; next reads only the two ids, from the index alone.
CREATE INDEX task_dependency_tag ON task_dependency (tag_id) INCLUDE (task_id, depends_on_id);

-- Task Master's next over a whole tag (NextTaskRepository): the few columns it reads, from the index alone
-- (an index-only scan of the tag's entries, not of the tag's wide rows with their details).
CREATE INDEX task_tag_graph ON task (tag_id) INCLUDE (id, parent_id, status, priority, key_number, position);
