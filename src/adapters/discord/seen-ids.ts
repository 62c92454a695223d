const SNOWFLAKE = /^\d{1,20}$/;
const DEFAULT_REMEMBERED = 10_000;

/**
 * The interactions (or messages) already taken, so one delivered twice (a gateway that replays
 * events, a resumed session) runs once: a replayed `/twin-staff undo` would otherwise undo two
 * changes. Memory is bounded: the last `remembered` ids taken are kept, and since Discord's ids
 * (snowflakes) grow with time, an id no newer than one forgotten counts as taken too, so a replay
 * stays refused however many others came since.
 */
export class SeenIds {
  private readonly taken = new Set<bigint>();
  /** The newest id forgotten so far; every id up to it counts as taken. */
  private floor = -1n;

  constructor(private readonly remembered = DEFAULT_REMEMBERED) {}

  /**
   * `first` the first time an id comes, `again` after that. discord.js passes a payload's id on
   * whatever its type, and one that is not a snowflake cannot be Discord's (nor be answered).
   */
  take(id: unknown): 'first' | 'again' | 'not-an-id' {
    if (typeof id !== 'string' || !SNOWFLAKE.test(id)) return 'not-an-id';
    const value = BigInt(id);
    if (value <= this.floor || this.taken.has(value)) return 'again';
    this.taken.add(value);
    if (this.taken.size > this.remembered) this.forgetFirst();
    return 'first';
  }

  /**
   * Forgets the id taken longest ago (a Set keeps the order ids were added). Events arrive in about
   * the order of their ids, so raising the floor to it refuses nothing that could still come.
   */
  private forgetFirst(): void {
    const [first] = this.taken;
    if (first === undefined) return;
    this.taken.delete(first);
    if (first > this.floor) this.floor = first;
  }
}
