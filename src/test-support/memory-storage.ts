/** For tests: Web Storage kept in a Map, which can be told to fail. */
import type { KeyValueStorage } from '../store/persistence.ts';

/** Web Storage in memory; `failSet` / `failGet` make writes or reads throw as a full or blocked one does. */
export function memoryStorage(options: { failSet?: boolean; failGet?: boolean } = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem(key) {
      if (options.failGet) throw new DOMException('blocked', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (options.failSet) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem(key) {
      data.delete(key);
    },
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
  };
}
