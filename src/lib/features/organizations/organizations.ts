import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { oneOf, optionalText, requiredText } from '../../validation/fields';

export const ORGANIZATION_TYPES = ['employer', 'host', 'client', 'school', 'community', 'other'] as const;

/** An organization the person deals with: employer, host company, client, school... */
export const organizationEntity = defineEntity({
  table: 'organizations',
  noun: 'organization',
  trash: true,
  titleColumn: 'name',
  fields: {
    name: requiredText('Name', 200),
    type: v.optional(oneOf('Type', ORGANIZATION_TYPES)),
    notes: v.optional(optionalText('Notes', 20000))
  },
  filters: { type: oneOf('Type', ORGANIZATION_TYPES) },
  order: [['name', 'asc']]
});

export type Organization = EntityRow<'organizations'>;
