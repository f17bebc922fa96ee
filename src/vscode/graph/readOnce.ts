// A value per key read once, whoever asks: a caller during the read waits for that same read (the
// graph's prefetch before its panel is made is the read the picture then uses), and a value set
// while the read was on its way (a save, a colour given) is kept over what the read found.
export class ReadOnce<T> {
  private readonly values = new Map<string, T>();
  private readonly reading = new Map<string, Promise<T>>();

  /** `empty()` is the value where a read found nothing (no file, a damaged one). */
  constructor(private readonly empty: () => T) {}

  /** The value of `key`: known, on its way, or read now by `read` (undefined: nothing found). */
  get(key: string, read: () => Promise<T | undefined>): Promise<T> {
    const known = this.values.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let reading = this.reading.get(key);
    if (!reading) {
      const started = read().then(
        found => {
          if (this.reading.get(key) === started) this.reading.delete(key);
          const value = this.values.get(key) ?? found ?? this.empty();
          this.values.set(key, value);
          return value;
        },
        (error: unknown) => {
          // Its callers hear of it; the next caller reads again rather than the same failure.
          if (this.reading.get(key) === started) this.reading.delete(key);
          throw error;
        },
      );
      this.reading.set(key, (reading = started));
    }
    return reading;
  }

  /** The value of `key` if it is known now (read, or set). */
  known(key: string): T | undefined {
    return this.values.get(key);
  }

  set(key: string, value: T): void {
    this.values.set(key, value);
  }

  /** Forgets `key` (a read on its way is no longer shared): the next `get` reads again. */
  forget(key: string): void {
    this.values.delete(key);
    this.reading.delete(key);
  }
}
