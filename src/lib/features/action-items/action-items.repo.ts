import type { Kysely } from 'kysely';
import { EntityRepository } from '../../db/entities/entity-repository';
import type { Tables } from '../../db/schema/tables';
import { RpcFailure } from '../../rpc/result';
import { actionItemEntity, ONE_SOURCE_RULE, type ActionItem, type ActionItemCreate, type ActionItemUpdate } from './action-items';

/**
 * Action items through the generic repository, plus the two rules the generic layer cannot know:
 * one source at most (checked here first so the answer names the field the person edits; the
 * database CHECK is the backstop), and `completed_at` following the status.
 */
export class ActionItemsRepository {
  readonly #entities: EntityRepository<typeof actionItemEntity>;

  constructor(db: Kysely<Tables>) {
    this.#entities = new EntityRepository(db, actionItemEntity);
  }

  async create(input: ActionItemCreate, now: Date): Promise<ActionItem> {
    assertOneSource(input.meetingId ?? null, input.feedbackId ?? null);
    return this.#entities.create({ ...input, completedAt: input.status === 'done' ? now.toISOString() : undefined });
  }

  async update({ id, ...patch }: ActionItemUpdate, now: Date): Promise<ActionItem> {
    const current = await this.#entities.get(id);
    assertOneSource(
      patch.meetingId === undefined ? current.meetingId : patch.meetingId,
      patch.feedbackId === undefined ? current.feedbackId : patch.feedbackId
    );
    const statusChanged = patch.status !== undefined && patch.status !== current.status;
    const completedAt = statusChanged ? (patch.status === 'done' ? now.toISOString() : null) : undefined;
    return this.#entities.update({ id, ...patch, completedAt });
  }
}

function assertOneSource(meetingId: string | null, feedbackId: string | null): void {
  if (meetingId !== null && feedbackId !== null) throw new RpcFailure('validation', ONE_SOURCE_RULE, 'feedbackId');
}
