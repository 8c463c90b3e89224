import { readFileSync, realpathSync, statSync } from 'node:fs';

import { isInside } from './values.js';

/** A small text file of the checkout, or why it was not read. */
export type CheckoutText =
  | { readonly text: string }
  | { readonly problem: 'missing' | 'outside' | 'not-a-small-file' | 'unreadable' };

/**
 * Reads a small text file (a manifest, a requirements file) only when its real path is inside
 * the checkout and it is a regular file of at most `maxBytes`: a FIFO would block the read for
 * ever, and a symlink could point anywhere on the runner.
 */
export function readCheckoutText(
  absolutePath: string,
  checkoutPath: string,
  maxBytes: number,
): CheckoutText {
  let real: string;
  try {
    real = realpathSync(absolutePath);
  } catch {
    return { problem: 'missing' };
  }
  if (!isInside(checkoutPath, real)) return { problem: 'outside' };
  try {
    const stats = statSync(real);
    if (!stats.isFile() || stats.size > maxBytes) return { problem: 'not-a-small-file' };
    return { text: readFileSync(real, 'utf8') };
  } catch {
    return { problem: 'unreadable' };
  }
}
