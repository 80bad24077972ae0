import type { Generated } from 'kysely';
import type { ModelTables, TaskModelColumns } from './model-tables';

/** Row of `tasks` (0001, with the links 0002 adds), mirroring the SQL exactly. */
export interface TasksTable extends TaskModelColumns {
  id: string;
  title: string;
  description: Generated<string>;
  priority: Generated<'high' | 'medium' | 'low'>;
  status: Generated<'todo' | 'in_progress' | 'done' | 'cancelled'>;
  focus_date: string | null;
  due_date: string | null;
  estimated_minutes: number | null;
  completed_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  deleted_at: string | null;
}

/** Every table Kysely may query. */
export interface Tables extends ModelTables {
  tasks: TasksTable;
}
