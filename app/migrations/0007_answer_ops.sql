-- The browser's id for the write that added an answer: an answer sent again
-- after a lost reply (the phone's outbox replays it) is recognised and stored
-- once. Answers added before this migration have none.
ALTER TABLE answers ADD COLUMN op_id TEXT;
CREATE UNIQUE INDEX answers_by_op ON answers (participant_id, op_id) WHERE op_id IS NOT NULL;
