import { EVENT_ID, type Event, getScalarValue, SCALAR_STYLE } from 'js-yaml';

/**
 * The Databricks CLI merges `<<: [*a, *b]` so that the later map wins (libs/dyn/yamlloader:
 * each source is merged over the ones before it), while js-yaml lets the earlier one win, as
 * the YAML merge-key draft says. Reversing the sources of every merge sequence, in the event
 * stream before construction, makes js-yaml build the value the CLI would see. Merge sources
 * carry no recorded position, so line numbers are unaffected.
 */
export function reorderMergeSequences(text: string, events: Event[]): Event[] {
  if (!text.includes('<<')) return events; // most files have no merge key at all
  const mergeSequences = findMergeSequences(text, events);
  if (mergeSequences.length === 0) return events;

  const reordered = [...events];
  for (const { start, end } of mergeSequences) {
    const items = itemRanges(events, start + 1, end);
    const flattened = items.reverse().flatMap(([from, to]) => events.slice(from, to));
    reordered.splice(start + 1, flattened.length, ...flattened);
  }
  return reordered;
}

interface Range {
  /** Index of the SEQUENCE event. */
  readonly start: number;
  /** Index of its closing POP event. */
  readonly end: number;
}

/** Sequences that are the value of a plain `<<` key. Nested ones are reordered on their own. */
function findMergeSequences(text: string, events: Event[]): Range[] {
  const found: Range[] = [];
  // Per open collection: for a mapping, whether the next node is a key; and, for a sequence,
  // whether it is a merge value.
  const stack: { mapping: boolean; expectKey: boolean; merge: boolean; start: number }[] = [];
  let mergeValueNext = false;

  events.forEach((event, index) => {
    const parent = stack[stack.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.expectKey;
    if (event.type === EVENT_ID.POP) {
      const closed = stack.pop();
      if (closed !== undefined && closed.merge) found.push({ start: closed.start, end: index });
      toggle(stack[stack.length - 1]);
      return;
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const merge = !isKey && mergeValueNext && event.type === EVENT_ID.SEQUENCE;
      mergeValueNext = false;
      stack.push({
        mapping: event.type === EVENT_ID.MAPPING,
        expectKey: true,
        merge,
        start: index,
      });
      return;
    }
    if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) {
      mergeValueNext =
        isKey &&
        event.type === EVENT_ID.SCALAR &&
        event.tagStart < 0 &&
        event.style === SCALAR_STYLE.PLAIN &&
        getScalarValue(text, event) === '<<';
      if (!isKey) mergeValueNext = false;
      toggle(parent);
    }
  });
  return found;
}

/** After a node completes inside a mapping, the next node is a key again, or a value. */
function toggle(parent: { mapping: boolean; expectKey: boolean } | undefined): void {
  if (parent !== undefined && parent.mapping) parent.expectKey = !parent.expectKey;
}

/** The [from, to) event ranges of each item of the sequence whose items span [from, end). */
function itemRanges(events: Event[], from: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  let index = from;
  while (index < end) {
    const itemStart = index;
    let depth = 0;
    do {
      const type = events[index]?.type;
      if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) depth += 1;
      if (type === EVENT_ID.POP) depth -= 1;
      index += 1;
    } while (depth > 0 && index < end);
    ranges.push([itemStart, index]);
  }
  return ranges;
}
