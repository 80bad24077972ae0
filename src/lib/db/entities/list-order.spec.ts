/**
 * The generic lists read a page from an index in their own order (migrations 0004, 0012) instead of
 * sorting every live row: an entity's `order` and its list index change together.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionItemEntity } from '../../features/action-items/action-items';
import { goalEntity } from '../../features/goals/goals';
import { journalEntryEntity } from '../../features/journal/journal';
import { learningEntity } from '../../features/learnings/learnings';
import { meetingEntity } from '../../features/meetings/meetings';
import { personEntity } from '../../features/people/people';
import { taskEntity } from '../../features/tasks/task-entity';
import { openTestDatabase, planOfFirstQuery, type TestDatabase } from '../testing';
import { EntityRepository, type ListQuery } from './entity-repository';
import type { AnyEntityDefinition } from './entity';

let database: TestDatabase;

beforeEach(async () => {
  database = await openTestDatabase();
});

afterEach(() => database.host.close());

/** The query plan of the SELECT a list runs. */
function listPlan(definition: AnyEntityDefinition, query: ListQuery): Promise<string[]> {
  return planOfFirstQuery(database.context.db, (db) => new EntityRepository(db, definition).list(query));
}

describe('list indexes', () => {
  const cases: [label: string, definition: AnyEntityDefinition, query: ListQuery, index: string][] = [
    ['tasks, newest focus day first', taskEntity, {}, 'tasks_list'],
    ['tasks of a project', taskEntity, { projectId: 'p' }, 'tasks_project_list'],
    ['meetings, at an offset', meetingEntity, { limit: 50, offset: 3000 }, 'meetings_list'],
    ['people by name', personEntity, { limit: 100 }, 'people_list'],
    ['learnings', learningEntity, { limit: 50 }, 'learnings_list'],
    ['journal entries of a month', journalEntryEntity, { from: '2026-10-01', to: '2026-10-31' }, 'journal_entries_list'],
    ['goals, highest priority first', goalEntity, {}, 'goals_list'],
    ['action items, nearest due date first', actionItemEntity, {}, 'action_items_list']
  ];

  it.each(cases)('reads %s in order from its index, with no sort', async (_label, definition, query, index) => {
    const plan = await listPlan(definition, query);
    expect(plan.join('\n')).toContain(`USING INDEX ${index}`);
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });
});
