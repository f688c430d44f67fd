// Seeded promotions and tax zones are checked against what a store can hold: ids, names, and group ids
// that are 0 (guests and customers in no group) or a group of the seed; a promotion fills one list only.

type Fields = Record<string, unknown>;

const PROMOTION_FIELDS = ['id', 'name', 'redemption_type', 'status', 'group_ids', 'excluded_group_ids'];
const TAX_ZONE_FIELDS = ['id', 'name', 'enabled', 'customer_groups'];

/** Messages for every seeded promotion and tax zone no store could hold. */
export function findReferenceProblems(promotions: unknown, taxZones: unknown, groupIds: ReadonlySet<number>): string[] {
  return [
    ...checkList(promotions, 'promotions', 'promotion', PROMOTION_FIELDS, (entry, at) => [
      ...checkEnum(entry.redemption_type, ['AUTOMATIC', 'COUPON'], `${at}: redemption_type`),
      ...checkEnum(entry.status, ['ENABLED', 'DISABLED', 'INVALID'], `${at}: status`),
      ...checkGroupIds(entry.group_ids, `${at}: group_ids`, groupIds),
      ...checkGroupIds(entry.excluded_group_ids, `${at}: excluded_group_ids`, groupIds),
      // The spec: "Only group_ids or excluded_group_ids should be specified ..., but not both."
      ...(isFilled(entry.group_ids) && isFilled(entry.excluded_group_ids)
        ? [`${at}: group_ids and excluded_group_ids are both filled; the spec allows one of them`]
        : []),
    ]),
    ...checkList(taxZones, 'tax_zones', 'tax zone', TAX_ZONE_FIELDS, (entry, at) => [
      ...(entry.enabled !== undefined && typeof entry.enabled !== 'boolean'
        ? [`${at}: enabled must be true or false`]
        : []),
      ...checkGroupIds(entry.customer_groups, `${at}: customer_groups`, groupIds),
    ]),
  ];
}

function checkList(
  raw: unknown,
  where: string,
  kind: string,
  fields: readonly string[],
  checkRest: (entry: Fields, at: string) => string[],
): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return [`${where} must be a list`];
  const problems: string[] = [];
  const ids = new Set<number>();
  let nextId = 1;
  raw.forEach((entry: unknown, index) => {
    const at = `${kind} ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      return void problems.push(`${at}: must be a mapping`);
    const fieldsOf = entry as Fields;
    for (const key of Object.keys(fieldsOf))
      if (!fields.includes(key)) problems.push(`${at}: unknown field '${key}' (allowed: ${fields.join(', ')})`);
    const id = fieldsOf.id ?? nextId;
    if (!isPositiveInt(id)) problems.push(`${at}: id must be a positive integer`);
    else if (ids.has(id as number)) problems.push(`${at}: id ${id} is used twice`);
    else {
      ids.add(id as number);
      nextId = Math.max(nextId, (id as number) + 1);
    }
    if (!(typeof fieldsOf.name === 'string' && fieldsOf.name.trim() !== ''))
      problems.push(`${at}: name must be a non-empty string`);
    problems.push(...checkRest(fieldsOf, at));
  });
  return problems;
}

function checkGroupIds(raw: unknown, at: string, groupIds: ReadonlySet<number>): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return [`${at} must be a list of group ids`];
  return raw.flatMap((id: unknown) => {
    if (!(typeof id === 'number' && Number.isInteger(id) && id >= 0))
      return [`${at}: ${JSON.stringify(id)} is not 0 (no group) or a group id`];
    return id === 0 || groupIds.has(id) ? [] : [`${at}: ${id} is no group of the seed`];
  });
}

function checkEnum(raw: unknown, allowed: readonly string[], at: string): string[] {
  return raw === undefined || (typeof raw === 'string' && allowed.includes(raw))
    ? []
    : [`${at} must be one of ${allowed.join(', ')}`];
}

function isFilled(raw: unknown): boolean {
  return Array.isArray(raw) && raw.length > 0;
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
