import * as v from 'valibot';
import { command } from '../../rpc/command';
import { TrashItemInput, TrashPageInput } from './trash';
import { TrashRepository } from './trash.repo';

export const trashCommands = {
  'trash.list': command({ input: TrashPageInput, write: false, run: (c, { limit, offset }) => new TrashRepository(c.db).list(limit, offset) }),
  'trash.restore': command({ input: TrashItemInput, write: true, run: (c, { kind, id }) => new TrashRepository(c.db).restore(kind, id) }),
  'trash.purge': command({ input: TrashItemInput, write: true, run: (c, { kind, id }) => new TrashRepository(c.db).purge(kind, id) }),
  'trash.empty': command({ input: v.undefined(), write: true, run: (c) => new TrashRepository(c.db).empty() })
};
