import { entityCommands } from '../../db/entities/entity-commands';
import { linkCommands } from '../../db/entities/link-commands';
import { goalEntity } from '../goals/goals';
import { practiceSessionEntity } from './practice-sessions';

/** Practice sessions, and the short-term goals each works towards (the database refuses other levels). */
export const practiceSessionsCommands = {
  ...entityCommands('practiceSessions', practiceSessionEntity),
  ...linkCommands(
    'practiceSessions',
    { add: 'linkGoal', remove: 'unlinkGoal', list: 'goals' },
    {
      table: 'practice_session_goals',
      ownerColumn: 'practice_session_id',
      otherColumn: 'goal_id',
      otherField: 'goalId',
      other: goalEntity,
      otherOrder: 'title'
    }
  )
};
