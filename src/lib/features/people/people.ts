import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { entityId, oneOf, optionalRef, optionalText, requiredText } from '../../validation/fields';

export const PERSON_ROLES = ['manager', 'mentor', 'coach', 'colleague', 'report', 'recruiter', 'client', 'friend', 'other'] as const;

const email = v.nullable(
  v.pipe(v.string('Email must be text.'), v.trim(), v.email('Email must look like name@example.com.'), v.maxLength(254, 'Email is too long.'))
);

/** A person: manager, mentor, coach, colleague... */
export const personEntity = defineEntity({
  table: 'people',
  noun: 'person',
  trash: true,
  titleColumn: 'name',
  fields: {
    name: requiredText('Name', 200),
    role: v.optional(v.nullable(oneOf('Role', PERSON_ROLES))),
    organizationId: v.optional(optionalRef),
    email: v.optional(email),
    notes: v.optional(optionalText('Notes', 20000))
  },
  filters: { role: oneOf('Role', PERSON_ROLES), organizationId: entityId },
  order: [['name', 'asc']]
});

export type Person = EntityRow<'people'>;
