// Single holders: at most one guest group and one default group may exist after every request, whether the
// API refuses a second holder or silently moves the flag. So the change that clears (or deletes) the old
// holder always runs before the change that sets the new one. This module works that out as data (which
// flag leaves which group, for whom, and who waits for whom); diff.ts builds each change from it once.
// It relies on groups/ naming at most one holder per flag, which desired/store-rules.ts guarantees.
import {
  HOLDER_FLAGS,
  type ChangeReason,
  type DesiredGroup,
  type FieldName,
  type GroupState,
  type HolderFlag,
  type LiveGroup,
} from '../model/index.js';
import type { GroupMatch } from './identity.js';
import { changeKey } from './key.js';

/** One flag leaving one live group: to the desired group named `to`, or to no group at all. */
export interface Handover {
  flag: HolderFlag;
  from: number;
  to?: string;
}

/** Two groups swap flags: the lower id releases these in a request of its own first. */
export interface SwapRelease {
  flags: HolderFlag[];
  to: string;
}

export interface HolderPlan {
  /** In flag order. */
  handovers: Handover[];
  /** By live id. */
  swaps: Map<number, SwapRelease>;
  /** By a setter's key: the keys of the changes that must release its flag first, sorted. */
  waits: Map<string, string[]>;
}

/** "The setter must wait for the releaser", for one flag. Ids are live ids of updates, when they are. */
interface HolderEdge {
  flag: HolderFlag;
  setter: { key: string; name: string; id?: number };
  releaser: { key: string; id: number; isUpdate: boolean };
}

/**
 * `merged`: for an unmanaged live group that merged_from deletes even without prune, whether its delete
 * releases its flags (true) or a release of its own does, before the group that takes them is created (false).
 */
export function planHolders(
  match: GroupMatch,
  prune: boolean,
  merged: (live: LiveGroup) => boolean | undefined = () => undefined,
): HolderPlan {
  const managedIds = new Set(match.pairs.map((pair) => pair.live.id));
  const liveGroups = [...match.pairs.map((pair) => pair.live), ...match.unmanaged];
  const handovers: Handover[] = [];
  const edges: HolderEdge[] = [];
  for (const flag of HOLDER_FLAGS) {
    const taker = findTaker(match, flag);
    // Several holders: the store lets one group per channel hold the flag, and no file names these.
    const perChannel = liveGroups.filter((group) => group[flag]).length > 1;
    for (const holder of liveGroups) {
      if (!holder[flag] || holder.id === taker?.liveId) continue;
      const isDeleted = !managedIds.has(holder.id) && (merged(holder) ?? prune);
      if (perChannel && !isDeleted && !managedIds.has(holder.id)) continue;
      if (!taker) {
        // An unmanaged holder that stays keeps the flag; any other holder drops it.
        if (isDeleted || managedIds.has(holder.id)) handovers.push({ flag, from: holder.id });
        continue;
      }
      handovers.push({ flag, from: holder.id, to: taker.desired.name });
      const kind = managedIds.has(holder.id) ? 'edit' : 'unmanaged_release';
      const releaser = {
        key: changeKey(isDeleted ? { action: 'delete', id: holder.id } : { action: 'update', id: holder.id, kind }),
        id: holder.id,
        isUpdate: !isDeleted,
      };
      if (taker.setter) edges.push({ flag, setter: taker.setter, releaser });
    }
  }
  const swaps = findSwaps(edges);
  return { handovers, swaps, waits: collectWaits(edges, swaps) };
}

/** The desired group that claims the flag, and the change that sets it (none when it already holds it). */
function findTaker(
  match: GroupMatch,
  flag: HolderFlag,
): { desired: DesiredGroup; liveId?: number; setter?: HolderEdge['setter'] } | undefined {
  const pair = match.pairs.find((candidate) => candidate.desired[flag]);
  if (pair) {
    const setter = pair.live[flag]
      ? undefined
      : {
          key: changeKey({ action: 'update', id: pair.live.id, kind: 'edit' }),
          name: pair.desired.name,
          id: pair.live.id,
        };
    return { desired: pair.desired, liveId: pair.live.id, ...(setter ? { setter } : {}) };
  }
  const created = match.creates.find((candidate) => candidate[flag]);
  return (
    created && {
      desired: created,
      setter: { key: changeKey({ action: 'create', name: created.name }), name: created.name },
    }
  );
}

/**
 * Two groups swapping the flags wait on each other. Only two flags exist and each has one setter, so a cycle
 * has at most two members; it is broken by releasing the lower id's flags in a separate request first.
 */
function findSwaps(edges: readonly HolderEdge[]): Map<number, SwapRelease> {
  const swaps = new Map<number, SwapRelease>();
  for (const edge of edges) {
    const reverse = edges.find(
      (other) =>
        other.setter.id === edge.releaser.id && other.releaser.id === edge.setter.id && other.releaser.isUpdate,
    );
    if (!reverse || !edge.releaser.isUpdate || edge.setter.id === undefined) continue;
    if (swaps.has(edge.setter.id) || swaps.has(edge.releaser.id)) continue;
    const split = Math.min(edge.setter.id, edge.releaser.id);
    const flags = HOLDER_FLAGS.filter((flag) =>
      edges.some((e) => e.flag === flag && e.releaser.isUpdate && e.releaser.id === split),
    );
    swaps.set(split, { flags, to: split === edge.releaser.id ? edge.setter.name : reverse.setter.name });
  }
  return swaps;
}

function collectWaits(edges: readonly HolderEdge[], swaps: ReadonlyMap<number, SwapRelease>): Map<string, string[]> {
  const waits = new Map<string, Set<string>>();
  for (const { setter, releaser } of edges) {
    const isSplit = releaser.isUpdate && swaps.has(releaser.id);
    const key = isSplit ? changeKey({ action: 'update', id: releaser.id, kind: 'swap_release' }) : releaser.key;
    waits.set(setter.key, (waits.get(setter.key) ?? new Set()).add(key));
  }
  return new Map([...waits].map(([key, keys]) => [key, [...keys].sort()]));
}

export function waitsOf(holders: HolderPlan, key: string): string[] {
  return holders.waits.get(key) ?? [];
}

/** The flags a live group gives to another group, in flag order. */
export function flagsGivenAway(holders: HolderPlan, liveId: number): HolderFlag[] {
  return holders.handovers
    .filter((handover) => handover.from === liveId && handover.to !== undefined)
    .map((handover) => handover.flag);
}

/** What a change to a live group says about its flags: any left to no one, then those it hands over in `fields`. */
export function describeHandovers(holders: HolderPlan, liveId: number, fields?: readonly FieldName[]): ChangeReason[] {
  const from = holders.handovers.filter((handover) => handover.from === liveId);
  const vanishing = from
    .filter((handover) => handover.to === undefined)
    .map((handover): ChangeReason => ({ fact: 'holder_vanishes', flag: handover.flag }));
  const moving = from.flatMap((handover): ChangeReason[] =>
    handover.to !== undefined && (!fields || fields.includes(handover.flag))
      ? [{ fact: 'flag_moves', flag: handover.flag, to: handover.to }]
      : [],
  );
  return [...vanishing, ...moving];
}

export function isReleasedFlag(field: FieldName, before: GroupState, after: GroupState): boolean {
  return (
    (HOLDER_FLAGS as readonly string[]).includes(field) && before[field as HolderFlag] && !after[field as HolderFlag]
  );
}

export function releaseFlags(state: GroupState, flags: readonly HolderFlag[]): GroupState {
  return { ...state, ...Object.fromEntries(flags.map((flag) => [flag, false])) };
}
