import * as v from 'valibot';
import { entityCommands } from '../../db/entities/entity-commands';
import { command } from '../../rpc/command';
import { tagEntity, TagLinkInput, TaggedInput } from './tags';
import { TagsRepository } from './tags.repo';

const { 'tags.restore': _noTrash, ...tagCrud } = entityCommands('tags', tagEntity);

export const tagsCommands = {
  ...tagCrud,
  'tags.ensure': command({ input: v.object({ name: tagEntity.fields.name }), write: true, run: (c, { name }) => new TagsRepository(c.db).ensure(name) }),
  'tags.attach': command({
    input: TagLinkInput,
    write: true,
    run: (c, { tagId, kind, entityId }) => new TagsRepository(c.db).attach(tagId, kind, entityId)
  }),
  'tags.detach': command({
    input: TagLinkInput,
    write: true,
    run: (c, { tagId, kind, entityId }) => new TagsRepository(c.db).detach(tagId, kind, entityId)
  }),
  'tags.forEntity': command({
    input: TaggedInput,
    write: false,
    run: (c, { kind, entityId }) => new TagsRepository(c.db).forEntity(kind, entityId)
  })
};
