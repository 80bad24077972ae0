import { entityCommands } from '../../db/entities/entity-commands';
import { feedbackEntity } from './feedback';

export const feedbackCommands = entityCommands('feedback', feedbackEntity);
