// The categories of a store form trees, and a path is only right if every parent chain reaches a root.
// An answer that breaks this (a cycle, a category its own parent, a parent no tree holds, a parent in
// another tree) would give wrong or shortened paths, so references could resolve to the wrong category:
// it is refused as a bad answer instead. A missing parent can be a catalog edited during the read, so
// the message says to run again.
import type { ApiError } from '../errors.js';
import type { CategoryNode } from '../model/index.js';
import { createBadAnswerError } from './errors.js';

/** The first break of the trees, as an error naming the ids; undefined when every chain reaches a root. */
export function findBrokenTree(categories: readonly CategoryNode[], path: string): ApiError | undefined {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const broken = (problem: string) => createBadAnswerError('GET', path, 200, problem);
  const reachesRoot = new Set<number>();
  // Membership by set: a chain 100,000 deep searched by indexOf at every step took minutes.
  const onChain = new Set<number>();
  for (const start of categories) {
    const chain: number[] = [];
    onChain.clear();
    for (let category: CategoryNode = start; category.parent_id !== 0 && !reachesRoot.has(category.id); ) {
      if (category.parent_id === category.id) return broken(`category ${category.id} is its own parent`);
      chain.push(category.id);
      onChain.add(category.id);
      const parent = byId.get(category.parent_id);
      if (!parent)
        return broken(
          `category ${category.id} names parent ${category.parent_id}, which no tree holds (the catalog may have changed during the read: run again)`,
        );
      if (parent.tree_id !== category.tree_id)
        return broken(
          `category ${category.id} of tree ${category.tree_id} names parent ${parent.id} of tree ${parent.tree_id}`,
        );
      if (onChain.has(parent.id)) {
        const loop = chain.indexOf(parent.id);
        return broken(`categories ${[...chain.slice(loop), parent.id].join(' -> ')} form a cycle of parents`);
      }
      category = parent;
    }
    for (const id of chain) reachesRoot.add(id);
  }
  return undefined;
}
