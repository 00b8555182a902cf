/**
 * อนุมัติ / ปฏิเสธ on the card of a group that asked to be an owners' group. Only an owners'
 * group can tap them (the handler checks); one conditional update decides, so of two owners
 * tapping at once one decides and the other is told who did. The decider is recorded with the
 * request (and, on approval, with the new owners' group).
 */
import type { OwnerGroupRequestRow } from '../db/schema.ts';
import { decideGroupRequest, findGroupRequest, lockRegistration, registerOwnerGroup } from '../db/queries/owner-groups.ts';
import { groupLabel } from './cards/index.ts';
import { groupNewsAlert, welcomePush } from './group-news.ts';
import { ownerName, type RegistrationDeps } from './registration.ts';

export type GroupDecisionOutcome =
  | { kind: 'approved' | 'rejected'; request: OwnerGroupRequestRow }
  /** Decided (or withdrawn) before this tap; `by` names who decided. */
  | { kind: 'already'; request: OwnerGroupRequestRow; by?: string }
  | { kind: 'notFound' };

export async function decideGroup(
  deps: RegistrationDeps,
  decision: { requestId: number; approve: boolean; by: string; inGroup: string },
): Promise<GroupDecisionOutcome> {
  if (!Number.isSafeInteger(decision.requestId)) return { kind: 'notFound' };
  const outcome = await deps.db.transaction(async (tx): Promise<GroupDecisionOutcome> => {
    await lockRegistration(tx);
    const status = decision.approve ? 'approved' : 'rejected';
    const request = await decideGroupRequest(tx, { id: decision.requestId, status, decidedBy: decision.by });
    if (!request) {
      const earlier = await findGroupRequest(tx, decision.requestId);
      return earlier ? { kind: 'already', request: earlier, by: await ownerName(tx, earlier.decidedBy ?? undefined) } : { kind: 'notFound' };
    }
    const except = [decision.inGroup];
    if (decision.approve) {
      await registerOwnerGroup(tx, { groupId: request.groupId, registeredBy: request.requestedBy, approvedBy: decision.by });
      await deps.outbox.queue(tx, welcomePush(request));
      except.push(request.groupId);
    }
    const group = groupLabel(request, request.groupId);
    const by = await ownerName(tx, decision.by);
    await deps.outbox.alertOwners(tx, groupNewsAlert({ kind: status, key: String(request.id), groupId: request.groupId, group, by, except }));
    return { kind: status, request };
  });
  if (outcome.kind === 'approved' || outcome.kind === 'rejected') deps.outbox.kick();
  return outcome;
}
