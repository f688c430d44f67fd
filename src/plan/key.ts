// The one place a change's key is spelled: apply, depends_on and saved plans all refer to changes by it.
import type { CreateChange, DeleteChange, UpdateChange } from '../model/index.js';

export type KeyedChange =
  | Pick<CreateChange, 'action' | 'name'>
  | Pick<UpdateChange, 'action' | 'id' | 'kind'>
  | Pick<DeleteChange, 'action' | 'id'>;

/** "create:Retail", "update:12", "update:12/release" (a swap's separate flag release), "delete:12". */
export function changeKey(change: KeyedChange): string {
  switch (change.action) {
    case 'create':
      return `create:${change.name}`;
    case 'update':
      return `update:${change.id}${change.kind === 'swap_release' ? '/release' : ''}`;
    case 'delete':
      return `delete:${change.id}`;
  }
}
