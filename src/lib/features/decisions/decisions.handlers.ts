import { entityCommands } from '../../db/entities/entity-commands';
import { linkCommands } from '../../db/entities/link-commands';
import { command } from '../../rpc/command';
import { personEntity } from '../people/people';
import { decisionEntity, DueForReviewInput } from './decisions';
import { decisionsDueForReview } from './decisions.repo';

export const decisionsCommands = {
  ...entityCommands('decisions', decisionEntity),
  ...linkCommands(
    'decisions',
    { add: 'addPerson', remove: 'removePerson', list: 'people' },
    {
      table: 'decision_people',
      ownerColumn: 'decision_id',
      otherColumn: 'person_id',
      otherField: 'personId',
      other: personEntity,
      otherOrder: 'name'
    }
  ),
  'decisions.dueForReview': command({ input: DueForReviewInput, write: false, run: (c, query) => decisionsDueForReview(c.db, query) })
};
