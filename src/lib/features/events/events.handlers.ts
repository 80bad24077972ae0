import { entityCommands } from '../../db/entities/entity-commands';
import { linkCommands } from '../../db/entities/link-commands';
import { personEntity } from '../people/people';
import { eventEntity } from './events';

export const eventsCommands = {
  ...entityCommands('events', eventEntity),
  ...linkCommands(
    'events',
    { add: 'addPerson', remove: 'removePerson', list: 'people' },
    {
      table: 'event_people',
      ownerColumn: 'event_id',
      otherColumn: 'person_id',
      otherField: 'personId',
      other: personEntity,
      otherOrder: 'name'
    }
  )
};
