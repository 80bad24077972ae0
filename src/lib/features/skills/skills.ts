import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import type { Camelize } from '../../db/entities/case';
import type { SkillProgressTable } from '../../db/schema/model-tables';
import type { Selectable } from 'kysely';
import { calendarDay, entityId, oneOf, optionalText, rating, requiredText } from '../../validation/fields';

export const SKILL_CATEGORIES = ['technical', 'soft_skill', 'domain', 'other'] as const;
export const RELEVANCES = ['high', 'medium', 'low'] as const;

export type SkillCategory = (typeof SKILL_CATEGORIES)[number];
export type Relevance = (typeof RELEVANCES)[number];

/** A skill in the skills matrix; every change of confidence is recorded in its history by trigger. */
export const skillEntity = defineEntity({
  table: 'skills',
  noun: 'skill',
  trash: true,
  titleColumn: 'name',
  dateColumn: 'last_used_date',
  fields: {
    name: requiredText('Name', 100),
    category: v.optional(oneOf('Category', SKILL_CATEGORIES)),
    /** 1 learning, 2 beginner, 3 intermediate, 4 proficient, 5 expert. */
    confidence: v.optional(rating('Confidence', 1, 5)),
    lastUsedDate: v.optional(v.nullable(calendarDay('Last used'))),
    notes: v.optional(optionalText('Notes', 20000))
  },
  filters: { category: oneOf('Category', SKILL_CATEGORIES) },
  order: [['name', 'asc']]
});

export type Skill = EntityRow<'skills'>;

/** One step in a skill's confidence history (previousConfidence is null for the first). */
export type SkillProgress = Camelize<Selectable<SkillProgressTable>>;

/** How relevant a skill is to a team; one per skill and team. No trash: deleted for real, and with its skill. */
export const teamSkillEntity = defineEntity({
  table: 'team_skills',
  noun: 'team skill',
  trash: false,
  titleColumn: 'team',
  fields: {
    skillId: entityId,
    team: requiredText('Team', 100),
    relevance: v.optional(oneOf('Relevance', RELEVANCES)),
    notes: v.optional(optionalText('Notes', 2000))
  },
  filters: { skillId: entityId, team: requiredText('Team', 100) },
  order: [
    ['team', 'asc'],
    ['created_at', 'asc']
  ]
});

export type TeamSkill = EntityRow<'team_skills'>;
