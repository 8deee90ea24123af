/**
 * A small deterministic generator (mulberry32) so demo data is the same on every run and tests can
 * rely on it. Not for secrets: tokens and codes come from `node:crypto`.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Seeds from text (FNV-1a), so `user|task|3` always yields the same row. */
  static fromText(text: string): SeededRandom {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return new SeededRandom(hash);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += this.int(0, 15).toString(16);
    return out.toUpperCase();
  }

  /** An upper-case GUID, the way Profit writes task and signal ids. */
  guid(): string {
    return [this.hex(8), this.hex(4), `4${this.hex(3)}`, `${this.pick(['8', '9', 'A', 'B'])}${this.hex(3)}`, this.hex(12)].join('-');
  }
}
