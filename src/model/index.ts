// The shapes every stage agrees on. Data flows one way:
// files -> DesiredGroup[] -> (with LiveGroup[]) -> Plan -> rendered text | ChangeResult[].
// The shapes live in files by stage; everything imports them from here.
export * from './groups.js';
export * from './plan.js';
export * from './refusals.js';
export * from './run.js';
export * from './storefronts.js';
