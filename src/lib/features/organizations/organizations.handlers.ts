import { entityCommands } from '../../db/entities/entity-commands';
import { organizationEntity } from './organizations';

export const organizationsCommands = entityCommands('organizations', organizationEntity);
