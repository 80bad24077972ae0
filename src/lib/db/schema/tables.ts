import type { Generated } from 'kysely';

/** Row of `tasks` (migration 0001), mirroring the SQL exactly. */
export interface TasksTable {
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
export interface Tables {
  tasks: TasksTable;
}
