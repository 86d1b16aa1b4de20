/**
 * Go slice aliasing, modelled. Upstream strategicpatch merges lists in place: `append(s[:k], s[k+1:]...)`
 * shifts the live list's backing array left on each `$patch: delete`, and appending a new element writes
 * into the next free slot of the same array. The live list variable keeps its old length and so *reads*
 * the shifted-and-overwritten array afterwards, and `$setElementOrder` orders server-only items by that
 * reading. `list` is the slice being built; `view` is what the old variable sees.
 */
import type { JsonValue } from '../types.ts';

/** Example: live [1, 2, 4], delete 1, add 3: `list` is [2, 4, 3] and so is `view` (upstream's own expectation). */
export class BackingArray {
  readonly view: JsonValue[];
  readonly list: JsonValue[];

  constructor(items: readonly JsonValue[]) {
    this.view = [...items];
    this.list = [...items];
  }

  removeAt(index: number): void {
    this.list.splice(index, 1);
    for (let i = index; i < this.list.length; i++) this.view[i] = this.list[i] ?? null;
  }

  push(item: JsonValue): void {
    if (this.list.length < this.view.length) this.view[this.list.length] = item;
    this.list.push(item);
  }

  set(index: number, item: JsonValue): void {
    this.list[index] = item;
    if (index < this.view.length) this.view[index] = item;
  }
}
