import * as v from 'valibot';
import { defineEntity, type EntityRowOf } from '../../db/entities/entity';
import { calendarDay, entityId, oneOf, optionalRef, optionalText, requiredText, stringList } from '../../validation/fields';

export const PROJECT_CLASSIFICATIONS = ['work', 'personal', 'learning', 'inactive'] as const;
export const PROJECT_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'abandoned'] as const;

/** A project, classified Work/Personal/Learning/Inactive, with its tech stack. */
export const projectEntity = defineEntity({
  table: 'projects',
  noun: 'project',
  trash: true,
  titleColumn: 'name',
  dateColumn: 'start_date',
  fields: {
    name: requiredText('Name', 200),
    description: v.optional(optionalText('Description', 20000)),
    classification: oneOf('Classification', PROJECT_CLASSIFICATIONS),
    status: v.optional(oneOf('Status', PROJECT_STATUSES)),
    /** Technology names (repeats dropped); stored as a JSON array. */
    techStack: v.optional(stringList('Tech stack', { item: 'technology', items: 'technologies' })),
    startDate: v.optional(v.nullable(calendarDay('Start date'))),
    endDate: v.optional(v.nullable(calendarDay('End date'))),
    organizationId: v.optional(optionalRef)
  },
  filters: {
    classification: oneOf('Classification', PROJECT_CLASSIFICATIONS),
    status: oneOf('Status', PROJECT_STATUSES),
    organizationId: entityId
  },
  jsonColumns: ['tech_stack'],
  order: [['name', 'asc']],
  tagLink: { table: 'project_tags', column: 'project_id' }
});

export type Project = EntityRowOf<typeof projectEntity>;
