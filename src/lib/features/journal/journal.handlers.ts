import { entityCommands } from '../../db/entities/entity-commands';
import { journalEntryEntity } from './journal';

export const journalCommands = entityCommands('journal', journalEntryEntity);
