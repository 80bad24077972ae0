import { entityCommands } from '../../db/entities/entity-commands';
import { learningEntity } from './learnings';

export const learningsCommands = entityCommands('learnings', learningEntity);
