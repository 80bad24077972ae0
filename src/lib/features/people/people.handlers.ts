import { entityCommands } from '../../db/entities/entity-commands';
import { personEntity } from './people';

export const peopleCommands = entityCommands('people', personEntity);
