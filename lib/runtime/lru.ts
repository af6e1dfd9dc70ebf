/**
 * A map that never holds more than `max` entries, each for at most `ttlMs`: the least recently
 * used entry makes room for a new one. For anything keyed by what requests carry, where an
 * unbounded map would let traffic grow the process.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    readonly max: number,
    private readonly ttlMs = Infinity,
  ) {
    if (!(max >= 1)) throw new Error("an Lru needs room for at least one entry");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= now) return undefined;
    // Re-inserted, so the Map's insertion order is the order of use.
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    this.entries.delete(key);
    while (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
