import type { CommandContext } from '../../db/command-context';
import { IdInput } from '../../db/entities/entity';
import { entityCommands } from '../../db/entities/entity-commands';
import { linkCommands } from '../../db/entities/link-commands';
import { command } from '../../rpc/command';
import { projectEntity } from '../projects/projects';
import { skillEntity, teamSkillEntity } from './skills';
import { SkillsRepository } from './skills.repo';

const repo = (context: CommandContext) => new SkillsRepository(context.db);

/** The skills matrix: skills, their confidence history, the projects they were used in, and team fit. */
export const skillsCommands = {
  ...entityCommands('skills', skillEntity),
  'skills.history': command({ input: IdInput, write: false, run: (c, { id }) => repo(c).history(id) }),
  ...linkCommands(
    'skills',
    { add: 'linkProject', remove: 'unlinkProject', list: 'projects' },
    {
      table: 'skill_projects',
      ownerColumn: 'skill_id',
      otherColumn: 'project_id',
      otherField: 'projectId',
      other: projectEntity,
      otherOrder: 'name'
    }
  ),
  ...entityCommands('teamSkills', teamSkillEntity)
};
