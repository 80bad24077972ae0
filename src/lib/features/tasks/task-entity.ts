import { defineEntity } from '../../db/entities/entity';
import { TASK_FILTERS, TaskCreateInput } from './tasks';

/** Tasks seen by the generic list (filters, tags, paging); writes go through TasksRepository. */
export const taskEntity = defineEntity({
  table: 'tasks',
  noun: 'task',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'focus_date',
  fields: TaskCreateInput.entries,
  filters: TASK_FILTERS,
  order: [
    ['focus_date', 'desc'],
    ['created_at', 'asc']
  ],
  tagLink: { table: 'task_tags', column: 'task_id' }
});
