import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { entityId } from '../../validation/fields';

/** A label; deleting it removes it from everything it was on. */
export const tagEntity = defineEntity({
  table: 'tags',
  noun: 'tag',
  trash: false,
  titleColumn: 'name',
  fields: {
    name: v.pipe(
      v.string('Name is required.'),
      v.trim(),
      v.minLength(1, 'Name is required.'),
      v.maxLength(50, 'A tag is at most 50 characters.')
    )
  },
  filters: {},
  order: [['name', 'asc']]
});

export type Tag = EntityRow<'tags'>;

/** What can carry tags, and the join table that holds each kind's tags. */
export const TAGGABLE = {
  task: { table: 'task_tags', column: 'task_id' },
  learning: { table: 'learning_tags', column: 'learning_id' },
  journal_entry: { table: 'journal_entry_tags', column: 'journal_entry_id' },
  feedback: { table: 'feedback_tags', column: 'feedback_id' },
  meeting: { table: 'meeting_tags', column: 'meeting_id' },
  project: { table: 'project_tags', column: 'project_id' },
  decision: { table: 'decision_tags', column: 'decision_id' }
} as const;

export type TaggableKind = keyof typeof TAGGABLE;

const kinds = Object.keys(TAGGABLE) as [TaggableKind, ...TaggableKind[]];
const kind = v.picklist(kinds, `Only ${kinds.map((name) => name.replace('_', ' ')).join(', ')} can be tagged.`);

export const TagLinkInput = v.object({ tagId: entityId, kind, entityId });
export const TaggedInput = v.object({ kind, entityId });
