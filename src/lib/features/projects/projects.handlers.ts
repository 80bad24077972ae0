import { entityCommands } from '../../db/entities/entity-commands';
import { projectEntity } from './projects';

export const projectsCommands = entityCommands('projects', projectEntity);
