// Catalogs of every shape a hostile or unusual store may answer: all names different, half of them one
// name, one parent chain as deep as the catalog is large, one root with every other category under it.
// A real store holds at most 16,000 categories 8 deep, which the sandbox's seed check enforces, so these
// are put into a running sandbox past that check: they are answers the client must survive, not stores.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

export const CATALOG_SHAPES = ['distinct names', 'same names', 'deep chain', 'wide tree'] as const;
export type CatalogShape = (typeof CATALOG_SHAPES)[number];

/** Groups planned against each catalog: every one points at categories by id and one by path. */
const GROUPS = 100;

interface ShapedCategory {
  category_id: number;
  parent_id: number;
  tree_id: number;
  name: string;
  is_visible: boolean;
}

const category = (id: number, parentId: number, name: string): ShapedCategory => ({
  category_id: id,
  parent_id: parentId,
  tree_id: 1,
  name,
  is_visible: true,
});

/** `count` categories of one shape, in the order the store lists them; and a path that names one of them. */
export function shapeCategories(shape: CatalogShape, count: number): { categories: ShapedCategory[]; path: string } {
  switch (shape) {
    case 'distinct names': {
      // A thousand roots of 99 children each (the 2,000-category bench's shape, scaled).
      const categories = Array.from({ length: count }, (_, index) =>
        category(index + 1, index % 100 === 0 ? 0 : index - (index % 100) + 1, `Category ${index + 1}`),
      );
      return { categories, path: 'Category 101/Category 102' };
    }
    case 'same names': {
      // Half are departments, each with one child called Sale.
      const categories = Array.from({ length: count }, (_, index) =>
        index % 2 === 0 ? category(index + 1, 0, `Dept ${index + 1}`) : category(index + 1, index, 'Sale'),
      );
      return { categories, path: 'Dept 7/Sale' };
    }
    case 'deep chain': {
      // Category 1 is the deepest, so the store lists the chain leaf first: the worst order for a walk up.
      const categories = Array.from({ length: count }, (_, index) =>
        category(index + 1, index + 1 === count ? 0 : index + 2, `Level ${count - index}`),
      );
      return { categories, path: 'Level 1/Level 2/Level 3' };
    }
    case 'wide tree': {
      const categories = Array.from({ length: count }, (_, index) =>
        category(index + 1, index === 0 ? 0 : 1, index === 0 ? 'All' : `Leaf ${index + 1}`),
      );
      return { categories, path: 'All/Leaf 2' };
    }
  }
}

/**
 * A group file pointing at categories by id and one by path. Only the first names category 1, the deepest of
 * a chain: a plan shows a category by its full path, and one path 100,000 names long is plenty to print.
 */
function groupYaml(index: number, count: number, categoryPath: string): string {
  const ids = index === 0 ? [1, count] : [count - (index % 50)];
  return [
    `name: Shaped ${index}`,
    'category_access:',
    '  type: specific',
    `  categories: [${[...new Set(ids)].join(', ')}]`,
    'discount_rules:',
    `  - {type: category, method: percent, amount: 5, category: ${JSON.stringify(categoryPath)}}`,
    '',
  ].join('\n');
}

export interface ShapedStore {
  sandbox: Sandbox;
  /** A groups/ folder of GROUPS files pointing into the catalog. */
  dir: string;
  /** What the CLI reads to reach the sandbox. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/** A sandbox answering `count` categories of `shape`, its groups live without category rules, and their files. */
export async function serveShape(shape: CatalogShape, count: number): Promise<ShapedStore> {
  const { categories, path: categoryPath } = shapeCategories(shape, count);
  const sandbox = await startSandbox({
    seed: Array.from({ length: GROUPS }, (_, index) => ({ name: `Shaped ${index}` })),
    catalog: { categories: [] },
    quota: 1_000_000,
  });
  for (const shaped of categories) sandbox.catalog.categories.push(shaped);
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-shapes-'));
  await mkdir(path.join(dir, 'groups'));
  await Promise.all(
    Array.from({ length: GROUPS }, (_, index) =>
      writeFile(path.join(dir, 'groups', `shaped-${index}.yaml`), groupYaml(index, count, categoryPath)),
    ),
  );
  return {
    sandbox,
    dir: path.join(dir, 'groups'),
    env: {
      BIGCOMMERCE_API_URL: sandbox.apiUrl,
      BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
      BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
    },
    close: async () => {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
