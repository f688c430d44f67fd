// Single holders: at most one guest group and one default group may exist after every request, whether the
// API refuses a second holder or silently moves the flag. So the change that clears (or deletes) the old
// holder always runs before the change that sets the new one, and the plan records that as a dependency.
import { PlanError, type Problem } from '../errors.js';
import type { Change, DesiredGroup, LiveGroup, UpdateChange } from '../model.js';
import { pickState, toWireBody } from '../normalize.js';
import { describeEdit, REASON_UNMANAGED } from './diff.js';
import type { GroupMatch } from './identity.js';

export const HOLDER_FLAGS = ['is_group_for_guests', 'is_default'] as const;
export type HolderFlag = (typeof HOLDER_FLAGS)[number];

const FLAG_WORDS: Record<HolderFlag, string> = { is_group_for_guests: 'guest flag', is_default: 'default flag' };

/** "The setter must wait for the releaser", for one flag. */
interface HolderEdge {
  setter: string;
  releaser: string;
  flag: HolderFlag;
}

/**
 * Adds flag releases for unmanaged holders, the dependencies between releasers and setters, and the
 * reasons that explain them. Returns the full list of changes (unordered).
 */
export function planHolders(changes: Change[], match: GroupMatch, desiredGroups: readonly DesiredGroup[]): Change[] {
  checkSingleDesiredHolders(desiredGroups);
  const byKey = new Map(changes.map((change) => [change.key, change]));
  const liveIdOf = new Map(match.pairs.map((pair) => [pair.desired, pair.live.id]));
  const liveGroups = [...match.pairs.map((pair) => pair.live), ...match.unmanaged];
  const moves = new Map<string, { flag: HolderFlag; phrase: string }[]>();
  const edges: HolderEdge[] = [];

  for (const flag of HOLDER_FLAGS) {
    const newHolder = desiredGroups.find((group) => group[flag]);
    if (!newHolder) {
      noteVanishingHolder(byKey, liveGroups, flag);
      continue;
    }
    const newLiveId = liveIdOf.get(newHolder);
    const setter = newLiveId === undefined ? byKey.get(`create:${newHolder.name}`) : byKey.get(`update:${newLiveId}`);
    const setsFlag = setter !== undefined && (setter.action === 'create' || (setter.action === 'update' && setter.fields.includes(flag)));
    for (const oldHolder of liveGroups) {
      if (!oldHolder[flag] || oldHolder.id === newLiveId) continue;
      const releaser = byKey.get(`delete:${oldHolder.id}`) ?? byKey.get(`update:${oldHolder.id}`) ?? addUnmanagedRelease(byKey, oldHolder);
      if (releaser.action === 'update' && !releaser.managed) extendUnmanagedRelease(releaser, flag);
      moves.set(releaser.key, [...(moves.get(releaser.key) ?? []), { flag, phrase: `${FLAG_WORDS[flag]} moves to ${newHolder.name}` }]);
      if (setsFlag) edges.push({ setter: setter.key, releaser: releaser.key, flag });
    }
  }
  const finalEdges = breakSwaps(byKey, edges);
  explainMoves(byKey, moves, match);
  for (const edge of finalEdges) {
    const setter = byKey.get(edge.setter);
    if (setter && !setter.depends_on.includes(edge.releaser)) setter.depends_on = [...setter.depends_on, edge.releaser].sort();
  }
  return [...byKey.values()];
}

/** No file claims the flag, yet the change to its holder drops it: say so, since the store is left without one. */
function noteVanishingHolder(byKey: Map<string, Change>, liveGroups: readonly LiveGroup[], flag: HolderFlag): void {
  for (const holder of liveGroups) {
    if (!holder[flag]) continue;
    const change = byKey.get(`delete:${holder.id}`) ?? byKey.get(`update:${holder.id}`);
    const drops = change?.action === 'delete' || (change?.action === 'update' && change.fields.includes(flag));
    if (!change || !drops) continue;
    change.reason = `${change.reason}; the store is left without a ${flag === 'is_default' ? 'default' : 'guest'} group`;
  }
}

function checkSingleDesiredHolders(desiredGroups: readonly DesiredGroup[]): void {
  const problems: Problem[] = [];
  for (const flag of HOLDER_FLAGS) {
    const holders = desiredGroups.filter((group) => group[flag]);
    for (const extra of holders.slice(1)) {
      const position = extra.source.positions[`/${flag}`] ?? extra.source;
      problems.push({
        file: extra.source.file,
        line: position.line,
        col: position.col,
        field: flag,
        message: `only one group may set ${flag}, and ${holders[0]?.source.file} already does`,
        hint: `Set ${flag} on one group of groups/ only.`,
      });
    }
  }
  if (problems.length > 0) throw new PlanError('More than one group of groups/ claims a single-holder flag', problems);
}

/** An unmanaged group is never touched, except to hand over a flag that a file gives to another group. */
function addUnmanagedRelease(byKey: Map<string, Change>, holder: LiveGroup): UpdateChange {
  const state = pickState(holder);
  const release: UpdateChange = {
    action: 'update',
    key: `update:${holder.id}`,
    id: holder.id,
    name: holder.name,
    reason: REASON_UNMANAGED,
    depends_on: [],
    body: {},
    before: state,
    after: { ...state },
    fields: [],
    managed: false,
  };
  byKey.set(release.key, release);
  return release;
}

function extendUnmanagedRelease(release: UpdateChange, flag: HolderFlag): void {
  release.after = { ...release.after, [flag]: false };
  release.fields = HOLDER_FLAGS.filter((f) => f === flag || release.fields.includes(f));
  release.body = toWireBody(release.after, release.fields);
}

/** Appends "guest flag moves to X" to each releaser, and keeps "changed in ..." only for real edits. */
function explainMoves(byKey: Map<string, Change>, moves: Map<string, { flag: HolderFlag; phrase: string }[]>, match: GroupMatch): void {
  const pairByKey = new Map(match.pairs.map((pair) => [`update:${pair.live.id}`, pair]));
  for (const [key, flagMoves] of moves) {
    const change = byKey.get(key);
    if (!change) continue;
    // After a swap is split, the flag is released by the separate release change, which explains itself.
    const phrases = flagMoves.filter((move) => change.action !== 'update' || change.fields.includes(move.flag)).map((move) => move.phrase);
    const pair = pairByKey.get(key);
    const edited = change.action === 'update' && pair ? describeEdit(pair.desired, pair.live, change.fields.filter((f) => !isReleased(change, f))) : '';
    const base = change.action === 'update' && change.managed ? edited : change.reason;
    change.reason = [base, ...phrases].filter(Boolean).join('; ');
  }
}

function isReleased(change: UpdateChange, field: string): boolean {
  return (HOLDER_FLAGS as readonly string[]).includes(field) && change.before[field as HolderFlag] && !change.after[field as HolderFlag];
}

/**
 * Two groups swapping the flags wait on each other. Only two flags exist and each has one setter, so a cycle
 * has at most two members; it is broken by releasing the lower id's flags in a separate request first.
 */
function breakSwaps(byKey: Map<string, Change>, edges: HolderEdge[]): HolderEdge[] {
  for (const edge of edges) {
    const reverse = edges.find((other) => other.setter === edge.releaser && other.releaser === edge.setter);
    if (!reverse) continue;
    const [first, second] = [byKey.get(edge.setter), byKey.get(edge.releaser)];
    if (first?.action !== 'update' || second?.action !== 'update') continue;
    const split = first.id < second.id ? first : second;
    const releaseKey = splitRelease(byKey, split, edges.filter((e) => e.releaser === split.key).map((e) => e.flag), first === split ? second : first);
    for (const e of edges) if (e.releaser === split.key) e.releaser = releaseKey;
  }
  return edges;
}

function splitRelease(byKey: Map<string, Change>, update: UpdateChange, flags: HolderFlag[], taker: UpdateChange): string {
  const released = { ...update.before, ...Object.fromEntries(flags.map((flag) => [flag, false])) };
  const fields = HOLDER_FLAGS.filter((flag) => flags.includes(flag));
  const release: UpdateChange = {
    action: 'update',
    key: `${update.key}/release`,
    id: update.id,
    name: update.before.name,
    reason: `${fields.map((flag) => FLAG_WORDS[flag]).join(' and ')} ${fields.length > 1 ? 'move' : 'moves'} to ${taker.name} (released first: the two groups swap flags)`,
    depends_on: [],
    body: toWireBody(released, fields),
    before: update.before,
    after: released,
    fields,
    managed: update.managed,
    release: true,
    ...(update.source ? { source: update.source } : {}),
  };
  byKey.set(release.key, release);
  update.before = released;
  update.fields = update.fields.filter((field) => !(fields as readonly string[]).includes(field));
  update.body = toWireBody(update.after, update.fields);
  return release.key;
}
