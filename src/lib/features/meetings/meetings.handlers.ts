import { entityCommands } from '../../db/entities/entity-commands';
import { linkCommands } from '../../db/entities/link-commands';
import { personEntity } from '../people/people';
import { meetingEntity } from './meetings';

export const meetingsCommands = {
  ...entityCommands('meetings', meetingEntity),
  ...linkCommands(
    'meetings',
    { add: 'addAttendee', remove: 'removeAttendee', list: 'attendees' },
    {
      table: 'meeting_attendees',
      ownerColumn: 'meeting_id',
      otherColumn: 'person_id',
      otherField: 'personId',
      other: personEntity,
      otherOrder: 'name'
    }
  )
};
