import { entityCommands } from '../../db/entities/entity-commands';
import { energyCheckinEntity, moodLogEntity } from './checkins';

export const checkinsCommands = {
  ...entityCommands('energyCheckins', energyCheckinEntity),
  ...entityCommands('moodLogs', moodLogEntity)
};
