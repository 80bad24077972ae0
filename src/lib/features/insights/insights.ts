import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { oneOf, optionalText, rating, requiredText, timestamp } from '../../validation/fields';

export const INSIGHT_TYPES = ['pattern', 'anomaly', 'suggestion', 'warning'] as const;
export const INSIGHT_CATEGORIES = ['mood', 'energy', 'productivity', 'health', 'habits', 'goals', 'other'] as const;

const confidence = v.pipe(
  v.number('Confidence is a number from 0 to 1.'),
  v.minValue(0, 'Confidence is a number from 0 to 1.'),
  v.maxValue(1, 'Confidence is a number from 0 to 1.')
);

/** Something on-device analysis noticed; filled by the insights engine, read and rated by the person. */
export const insightEntity = defineEntity({
  table: 'insights',
  noun: 'insight',
  trash: false,
  titleColumn: 'title',
  fields: {
    type: oneOf('Type', INSIGHT_TYPES),
    category: v.optional(v.nullable(oneOf('Category', INSIGHT_CATEGORIES))),
    title: requiredText('Title', 200),
    description: optionalText('Description', 20000),
    confidence,
    supportingData: v.optional(v.pipe(v.unknown(), v.transform((value) => JSON.stringify(value ?? {})))),
    viewedAt: v.optional(v.nullable(timestamp('Viewed at'))),
    dismissedAt: v.optional(v.nullable(timestamp('Dismissed at'))),
    actedOnAt: v.optional(v.nullable(timestamp('Acted on at'))),
    helpfulRating: v.optional(v.nullable(rating('Helpfulness', 1, 5))),
    expiresAt: v.optional(v.nullable(timestamp('Expires at')))
  },
  filters: { type: oneOf('Type', INSIGHT_TYPES), category: oneOf('Category', INSIGHT_CATEGORIES) },
  order: [['created_at', 'desc']]
});

export type Insight = EntityRow<'insights'>;
