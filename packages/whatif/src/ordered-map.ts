/**
 * Maps an async source with up to `window` calls of `fn` in flight, yielding
 * the results in source order. The source is read only as results are
 * taken, so memory holds at most `window` inputs and results: a slow result
 * holds back the ones after it (never more than `window` of them).
 *
 * @example
 * for await (const r of orderedMap(lines(), 8, assess)) write(r);
 */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, window: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Array<Promise<R>> = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && pending.length < window) {
      const next = await iterator.next();
      if (next.done) exhausted = true;
      else {
        const p = fn(next.value);
        // Rejections are awaited in order below; this keeps an early one from being reported as unhandled.
        p.catch(() => undefined);
        pending.push(p);
      }
    }
  };
  try {
    await fill();
    while (pending.length > 0) {
      const result = await pending.shift()!;
      await fill();
      yield result;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
