import { systemCommands } from '../features/system/system.handlers';
import { meetingsCommands } from '../features/meetings/meetings.handlers';
import { organizationsCommands } from '../features/organizations/organizations.handlers';
import { peopleCommands } from '../features/people/people.handlers';
import { projectsCommands } from '../features/projects/projects.handlers';
import { tasksCommands } from '../features/tasks/tasks.handlers';
import { goalsCommands } from '../features/goals/goals.handlers';
import { practiceSessionsCommands } from '../features/practice-sessions/practice-sessions.handlers';
import { skillsCommands } from '../features/skills/skills.handlers';
import { insightsCommands } from '../features/insights/insights.handlers';
import { profileCommands } from '../features/profile/profile.handlers';
import { searchCommands } from '../features/search/search.handlers';
import { tagsCommands } from '../features/tags/tags.handlers';
import { trashCommands } from '../features/trash/trash.handlers';
import { restoreCommands } from '../features/restore/restore.handlers';
import { backupCommands } from '../features/backup/backup.handlers';
import { learningsCommands } from '../features/learnings/learnings.handlers';
import { feedbackCommands } from '../features/feedback/feedback.handlers';
import { actionItemsCommands } from '../features/action-items/action-items.handlers';
import { checkinsCommands } from '../features/checkins/checkins.handlers';
import { journalCommands } from '../features/journal/journal.handlers';
import { eventsCommands } from '../features/events/events.handlers';
import { decisionsCommands } from '../features/decisions/decisions.handlers';
import { habitsCommands } from '../features/habits/habits.handlers';
import { consoleCommands } from '../features/console/console.handlers';
import { maintenanceCommands } from '../features/maintenance/maintenance.handlers';
import type { CommandMap } from '../rpc/command';

/** Every command the worker answers, composed from the features' maps. */
export const commands = {
  ...systemCommands,
  ...tasksCommands,
  ...goalsCommands,
  ...practiceSessionsCommands,
  ...skillsCommands,
  ...organizationsCommands,
  ...peopleCommands,
  ...projectsCommands,
  ...meetingsCommands,
  ...learningsCommands,
  ...feedbackCommands,
  ...actionItemsCommands,
  ...checkinsCommands,
  ...journalCommands,
  ...eventsCommands,
  ...decisionsCommands,
  ...habitsCommands,
  ...tagsCommands,
  ...profileCommands,
  ...searchCommands,
  ...trashCommands,
  ...restoreCommands,
  ...backupCommands,
  ...insightsCommands,
  ...consoleCommands,
  ...maintenanceCommands
} satisfies CommandMap;

export type Commands = typeof commands;
